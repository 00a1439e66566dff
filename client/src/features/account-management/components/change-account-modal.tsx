import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  VisuallyHidden,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import type { AccountSummary } from "@shared/api/accounts.ts";
import type { Application } from "@shared/api/applications.ts";
import type { Catalogue } from "@shared/api/catalogue.ts";
import { MAX_COMMENT_LENGTH, RTC_COUNTRY } from "@shared/domain/accounts.ts";
import {
  APPLICATION_KIND_LABELS,
  buySmsCreditsPayload,
  type ChangeKind,
  editDatapointsPayload,
  editLicencePayload,
  moveDatapointsPayload,
  renewSubscriptionPayload,
  upgradeMetersPayload,
} from "@shared/domain/applications.ts";
import { addDays } from "@shared/domain/calendar.ts";
import {
  type AccountState,
  type Plan,
  planChange,
  RENEWAL_MONTHS,
} from "@shared/domain/changes.ts";
import { IconAlertTriangle, IconArrowRight, IconSend } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { Link } from "react-router";
import type { z } from "zod";
import { entitlementLabel, formatEntitlement } from "../../../lib/account-fields.ts";
import { ApiError, fieldErrorsOf } from "../../../lib/api.ts";
import { formatNumber } from "../../../lib/format.ts";
import { notifyError } from "../../../lib/query-client.ts";
import { formErrorsOf } from "../../../lib/zod-form.ts";
import { catalogueNames, useCatalogue } from "../../catalogue/index.ts";
import { useFileApplication } from "../api/file-application.ts";
import { useZoneAccounts } from "../api/zone-accounts.ts";

/** The Select value that stands for "no Bill Management licence". */
const NONE = "none";

/** What the inputs hold: NumberInputs hold "" until a number is typed, Selects may be empty. */
interface FormValues {
  change: number | string;
  datapoints: number | string;
  targetAccountId: string | null;
  licenceId: string | null;
  billManagementTypeId: string;
  rtmMeters: number | string;
  additionalPods: number | string;
  rtcLines: number | string;
  credits: number | string;
  comment: string;
}

const PAYLOADS: Record<ChangeKind, z.ZodType> = {
  edit_datapoints: editDatapointsPayload,
  move_datapoints: moveDatapointsPayload,
  edit_licence: editLicencePayload,
  upgrade_meters: upgradeMetersPayload,
  buy_sms_credits: buySmsCreditsPayload,
  renew_subscription: renewSubscriptionPayload,
};

const numberOf = (value: number | string) => (typeof value === "number" ? value : undefined);

/** The payload as the shared schema reads it: the schema, not the form, decides what is valid. */
function payloadOf(kind: ChangeKind, values: FormValues): Record<string, unknown> {
  switch (kind) {
    case "edit_datapoints":
      return { change: numberOf(values.change) };
    case "move_datapoints":
      return { datapoints: numberOf(values.datapoints), targetAccountId: values.targetAccountId };
    case "edit_licence":
      return { licenceId: values.licenceId };
    case "upgrade_meters":
      return {
        billManagementTypeId:
          values.billManagementTypeId === NONE ? null : values.billManagementTypeId,
        rtmMeters: numberOf(values.rtmMeters),
        additionalPods: numberOf(values.additionalPods),
        rtcLines: numberOf(values.rtcLines),
      };
    case "buy_sms_credits":
      return { credits: numberOf(values.credits) };
    case "renew_subscription":
      return {};
  }
}

/** The part of a zone's row that the rules read; today is the partner's, as the server counts days. */
export function accountStateOf(account: AccountSummary): AccountState {
  return {
    id: account.id,
    name: account.name,
    country: account.country,
    startsOn: account.startsOn,
    endsOn: account.endsOn,
    datapointsContracted: account.datapoints.contracted,
    datapointsUsed: account.datapoints.used,
    licenceId: account.licence.id,
    billManagementTypeId: account.billManagementType?.id ?? null,
    rtmMeters: account.rtmMeters,
    additionalPods: account.additionalPods,
    rtcLines: account.rtcLines,
    smsCredits: account.smsCredits,
  };
}

const todayOf = (account: AccountSummary) => addDays(account.endsOn, -account.daysLeft);

type Preview =
  | { state: "incomplete"; errors: Record<string, string> }
  | { state: "checked"; plan: Plan; errors: Record<string, string> };

/** The same checks as the server, before anything is sent: the schema, then the account's rules. */
function previewOf(
  kind: ChangeKind,
  values: FormValues,
  account: AccountSummary,
  target: AccountSummary | undefined,
  catalogue: Catalogue,
): Preview {
  const parsed = PAYLOADS[kind].safeParse(payloadOf(kind, values));
  if (!parsed.success) return { state: "incomplete", errors: formErrorsOf(parsed.error) };
  const plan = planChange({
    kind,
    payload: parsed.data as never,
    account: accountStateOf(account),
    target: target && accountStateOf(target),
    today: todayOf(account),
    catalogue: catalogueNames(catalogue),
  });
  const errors: Record<string, string> = {};
  if (!plan.ok) {
    for (const { field, message } of plan.errors) {
      errors[field.startsWith("payload.") ? field.slice("payload.".length) : field] ??= message;
    }
  }
  return { state: "checked", plan, errors };
}

const wholeNumber = { allowDecimal: false, clampBehavior: "none" } as const;

function initialValues(account: AccountSummary): FormValues {
  return {
    change: "",
    datapoints: "",
    targetAccountId: null,
    licenceId: null,
    billManagementTypeId: account.billManagementType?.id ?? NONE,
    rtmMeters: account.rtmMeters,
    additionalPods: account.additionalPods,
    rtcLines: account.rtcLines,
    credits: "",
    comment: "",
  };
}

/** What the form's preview says after the arrow, with datapoints' usage beside them. */
function PreviewRows({
  plan,
  account,
  target,
}: {
  plan: Extract<Plan, { ok: true }>;
  account: AccountSummary;
  target: AccountSummary | undefined;
}) {
  const accounts = new Set(plan.changes.map((change) => change.accountId));
  return (
    <Stack gap={6}>
      {plan.changes.map((change) => {
        const owner = change.accountId === target?.id ? target : account;
        const used =
          change.field === "datapointsContracted"
            ? `, ${formatNumber(owner.datapoints.used)} used`
            : "";
        const unit = change.field === "datapointsContracted" ? " DP" : "";
        const label = entitlementLabel(change.field);
        return (
          <Group key={`${change.accountId}:${change.field}`} gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed" w={200} style={{ flexShrink: 0 }}>
              {accounts.size > 1 ? `${owner.name}: ${label.toLowerCase()}` : label}
            </Text>
            <Text size="sm" data-testid="preview">
              {formatEntitlement(change.field, change.before)}
              {unit} <IconArrowRight size={12} style={{ verticalAlign: "middle" }} aria-hidden />
              <VisuallyHidden> → </VisuallyHidden>
              <Text span fw={700} size="sm">
                {formatEntitlement(change.field, change.after)}
                {unit}
              </Text>
              {used}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

function Current({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </Stack>
  );
}

/** What the account has now, of what this kind changes. */
function currentValues(kind: ChangeKind, account: AccountSummary): [string, ReactNode][] {
  const dp = account.datapoints;
  const datapoints: [string, ReactNode] = [
    "Datapoints",
    `${formatNumber(dp.contracted)} DP, ${formatNumber(dp.used)} used, ${formatNumber(dp.left)} left`,
  ];
  switch (kind) {
    case "edit_datapoints":
    case "move_datapoints":
      return [datapoints];
    case "edit_licence":
      return [["Licence", account.licence.name]];
    case "upgrade_meters":
      return [
        ["Bill Management", account.billManagementType?.name ?? "None"],
        ["RtM meters", formatNumber(account.rtmMeters)],
        ["Additional pods", formatNumber(account.additionalPods)],
        ["RTC lines", formatNumber(account.rtcLines)],
      ];
    case "buy_sms_credits":
      return [["SMS credits", formatNumber(account.smsCredits)]];
    case "renew_subscription":
      return [
        ["Ends on", formatEntitlement("endsOn", account.endsOn)],
        ["Status", account.status === "active" ? "Active" : "Expired"],
      ];
  }
}

interface ChangeAccountModalProps {
  kind: ChangeKind;
  account: AccountSummary;
  onClose: () => void;
  onFiled: (application: Application) => void;
}

/** One change to one account, filed as an application, with the result shown before it is sent. */
export function ChangeAccountModal({ kind, account, onClose, onFiled }: ChangeAccountModalProps) {
  const catalogue = useCatalogue();
  const file = useFileApplication();
  // The receiving account of a move: another active account of the same portfolio.
  const targets = useZoneAccounts({
    zone: "active",
    sort: "name",
    order: "asc",
    page: 1,
    pageSize: 100,
  });
  const form = useForm<FormValues>({ mode: "controlled", initialValues: initialValues(account) });
  // A second application of a kind is refused with the first one: say where it is.
  const [pending, setPending] = useState<string | null>(null);

  const target = targets.data?.items.find((item) => item.id === form.values.targetAccountId);
  const preview = catalogue.data
    ? previewOf(kind, form.values, account, target, catalogue.data)
    : undefined;
  const accountError = preview?.errors.accountId ?? preview?.errors.payload;

  const submit = () => {
    if (!preview || !catalogue.data) return;
    if (preview.state === "incomplete" || !preview.plan.ok) {
      form.setErrors(preview.errors);
      return;
    }
    const payload = PAYLOADS[kind].parse(payloadOf(kind, form.values));
    const comment = form.values.comment.trim();
    file.mutate(
      {
        kind,
        accountId: account.id,
        payload,
        ...(comment ? { comment } : {}),
      } as Parameters<typeof file.mutate>[0],
      {
        onSuccess: (application) => {
          const approved = application.status === "approved";
          notifications.show({
            color: "green",
            title: approved ? "Approved automatically" : "Application sent",
            message: approved
              ? `${application.summary}: an auto-approval rule approved it, ${account.name} is already changed.`
              : `${application.summary}: Customer Success will review it.`,
          });
          onFiled(application);
        },
        onError: (error) => {
          if (error instanceof ApiError) {
            form.setErrors(fieldErrorsOf(error, "payload."));
            const id = error.extensions.pendingApplicationId;
            if (error.code === "APPLICATION_ALREADY_PENDING" && typeof id === "string") {
              setPending(id);
              return;
            }
          }
          notifyError(error);
        },
      },
    );
  };

  // Errors show as soon as a field is touched, like the server would say them on submit.
  const errorOf = (field: keyof FormValues) =>
    form.errors[field] ?? (form.isTouched(field) ? preview?.errors[field] : undefined);
  const numberProps = (field: keyof FormValues) => ({
    ...form.getInputProps(field),
    error: errorOf(field),
    ...wholeNumber,
    thousandSeparator: ",",
  });

  const names = catalogue.data ? catalogueNames(catalogue.data) : undefined;
  const current = currentValues(kind, account);

  return (
    <Modal
      opened
      onClose={onClose}
      title={`${APPLICATION_KIND_LABELS[kind]} · ${account.name}`}
      size="lg"
      radius="md"
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="md">
          <Paper withBorder radius="md" p="sm" bg="gray.0">
            <SimpleGrid cols={{ base: 2, sm: current.length }} spacing="sm">
              {current.map(([label, value]) => (
                <Current key={label} label={label} value={value} />
              ))}
            </SimpleGrid>
          </Paper>

          {kind === "edit_datapoints" && (
            <NumberInput
              label="Change in datapoints"
              description="A positive number adds datapoints; a negative one (e.g. -50) removes them."
              data-autofocus
              {...numberProps("change")}
            />
          )}
          {kind === "move_datapoints" && (
            <SimpleGrid cols={2}>
              <NumberInput
                label="Datapoints to move"
                data-autofocus
                allowNegative={false}
                {...numberProps("datapoints")}
              />
              <Select
                label="Receiving account"
                placeholder="Choose an account"
                searchable
                nothingFoundMessage="No active account of your portfolio matches"
                data={(targets.data?.items ?? [])
                  .filter((item) => item.id !== account.id)
                  .map((item) => ({ value: item.id, label: item.name }))}
                {...form.getInputProps("targetAccountId")}
                error={errorOf("targetAccountId")}
              />
            </SimpleGrid>
          )}
          {kind === "edit_licence" && (
            <Select
              label="New licence"
              placeholder="Choose a licence"
              data={(catalogue.data?.licences ?? []).map((licence) => ({
                value: licence.id,
                label: licence.name,
                disabled: licence.id === account.licence.id,
              }))}
              {...form.getInputProps("licenceId")}
              error={errorOf("licenceId")}
            />
          )}
          {kind === "upgrade_meters" && (
            <SimpleGrid cols={2}>
              <Select
                label="Bill Management licence type"
                allowDeselect={false}
                data={[
                  { value: NONE, label: "None" },
                  ...(catalogue.data?.billManagementTypes ?? []).map((type) => ({
                    value: type.id,
                    label: type.name,
                  })),
                ]}
                {...form.getInputProps("billManagementTypeId")}
                error={errorOf("billManagementTypeId")}
              />
              <NumberInput
                label="Real-time meters (RtM)"
                allowNegative={false}
                {...numberProps("rtmMeters")}
              />
              <NumberInput
                label="Additional pods"
                allowNegative={false}
                {...numberProps("additionalPods")}
              />
              <NumberInput
                label="RTC lines"
                description={
                  account.country === RTC_COUNTRY ? undefined : "Only for accounts in Spain"
                }
                allowNegative={false}
                disabled={account.country !== RTC_COUNTRY && account.rtcLines === 0}
                {...numberProps("rtcLines")}
              />
            </SimpleGrid>
          )}
          {kind === "buy_sms_credits" && (
            <NumberInput
              label="SMS credits to buy"
              data-autofocus
              allowNegative={false}
              {...numberProps("credits")}
            />
          )}
          {kind === "renew_subscription" && (
            <Text size="sm">
              Renewing adds {RENEWAL_MONTHS} months{" "}
              {account.status === "active"
                ? "from the current end date."
                : "from the day Customer Success approves it; the account is active again."}
            </Text>
          )}

          <Paper withBorder radius="md" p="sm" aria-label="Result" role="region">
            <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={6}>
              Result
            </Text>
            {accountError ? (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} p="xs">
                {accountError}
              </Alert>
            ) : preview?.state === "checked" && preview.plan.ok ? (
              <PreviewRows plan={preview.plan} account={account} target={target} />
            ) : preview?.state === "checked" && !preview.plan.ok ? (
              <Text size="sm" c="red.7">
                {preview.plan.errors[0]?.message}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {names ? "Fill in the change to see the result." : "Loading the catalogue…"}
              </Text>
            )}
          </Paper>

          {pending && (
            <Alert color="yellow" variant="light" title="Already pending" role="alert">
              This account already has a pending {APPLICATION_KIND_LABELS[kind].toLowerCase()}{" "}
              application: withdraw it or wait for its decision.{" "}
              <Anchor component={Link} to="/account-management?zone=applications" onClick={onClose}>
                See the pending application
              </Anchor>
            </Alert>
          )}

          <Textarea
            label="Comment"
            description="Optional, for Customer Success"
            autosize
            minRows={2}
            maxLength={MAX_COMMENT_LENGTH}
            {...form.getInputProps("comment")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" leftSection={<IconSend size={16} />} loading={file.isPending}>
              Extension request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
