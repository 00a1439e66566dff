import {
  Button,
  Grid,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import type { Catalogue } from "@shared/api/catalogue.ts";
import {
  MAX_COMMENT_LENGTH,
  MAX_PERIOD_MONTHS,
  MIN_DATAPOINTS,
  MIN_PERIOD_MONTHS,
} from "@shared/domain/accounts.ts";
import { newAccountRequest } from "@shared/domain/application-requests.ts";
import { IconSend } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { Link, useBlocker, useNavigate } from "react-router";
import { ConfirmModal } from "../../../../components/confirm-modal.tsx";
import { TitledCard } from "../../../../components/titled-card.tsx";
import { useAccountFieldLabels } from "../../../../lib/account-fields.ts";
import { ApiError, fieldErrorsOf } from "../../../../lib/api.ts";
import { useFormat } from "../../../../lib/format.ts";
import { useT } from "../../../../lib/i18n.tsx";
import { notifyError } from "../../../../lib/query-client.ts";
import { billManagementTypeOptions, validateWith, wholeNumber } from "../../../../lib/zod-form.ts";
import { useMe } from "../../../auth/index.ts";
import { useFileApplication } from "../../api/file-application.ts";
import { draftStorage, sameValues } from "./new-account-draft.ts";
import { NewAccountNextSteps } from "./new-account-next-steps.tsx";
import {
  blankNewAccount,
  type NewAccountValues,
  requestOf,
  rtcLinesOffered,
} from "./new-account-values.ts";

/** The create-account form: an application for Customer Success to approve. */
export function NewAccountForm({ catalogue }: { catalogue: Catalogue }) {
  const t = useT();
  const format = useFormat();
  const LABELS = useAccountFieldLabels();
  const numbers = { ...wholeNumber, ...format.separators };
  const navigate = useNavigate();
  const file = useFileApplication();
  const me = useMe();
  const [blank] = useState(() => blankNewAccount(me.partner?.country ?? null));
  // What the user typed last time and did not send, in this browser.
  const [draft] = useState(() => draftStorage.load(me.id, blank));
  const [draftShown, setDraftShown] = useState(draft !== null);
  const form = useForm<NewAccountValues>({
    mode: "controlled",
    initialValues: draft ?? blank,
    validate: validateWith(newAccountRequest, requestOf),
  });
  const unsaved = !sameValues(form.values, blank);

  // Kept as it is typed; a form back to blank keeps nothing.
  useEffect(() => {
    if (unsaved) draftStorage.save(me.id, form.values);
    else draftStorage.remove(me.id);
  }, [unsaved, form.values, me.id]);

  // While the application is on its way, leaving is the app's own doing (filed, or the session
  // ended and sign-in comes next): nothing to ask.
  const sending = useRef(false);
  const asksBeforeLeaving = useRef(false);
  asksBeforeLeaving.current = unsaved;
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      asksBeforeLeaving.current &&
      !sending.current &&
      currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!unsaved) return;
    const ask = (event: BeforeUnloadEvent) => {
      if (sending.current) return;
      event.preventDefault();
      // Older browsers ask only when a return value is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [unsaved]);

  const discardDraft = () => {
    form.setValues(blank);
    form.clearErrors();
    draftStorage.remove(me.id);
    setDraftShown(false);
  };

  const changeCountry = (country: string | null) => {
    form.setFieldValue("country", country);
    if (!rtcLinesOffered(country)) form.setFieldValue("rtcLines", 0);
  };

  const submit = (values: NewAccountValues) => {
    const payload = newAccountRequest.parse(requestOf(values));
    sending.current = true;
    // The draft goes once filed, even if the user has left the page meanwhile (when the
    // callbacks below, which belong to the page, no longer run).
    const filed = file.mutateAsync(
      { kind: "new_account", payload },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            title: t("accounts.applicationSent"),
            message: t("accounts.newAccount.sentMessage", { name: payload.name }),
          });
          void navigate("/account-management?zone=applications");
        },
        onError: (error) => {
          // A session that ended sends the user to sign in, and the draft waits for their return.
          if (!(error instanceof ApiError && error.status === 401)) sending.current = false;
          if (error instanceof ApiError) form.setErrors(fieldErrorsOf(error, "payload."));
          notifyError(error);
        },
      },
    );
    filed.then(
      () => draftStorage.remove(me.id),
      () => undefined,
    );
  };

  const focusFirstError = (errors: Record<string, unknown>) => {
    const [first] = Object.keys(errors);
    if (first) form.getInputNode(first)?.focus();
  };

  const licence = catalogue.licences.find((entry) => entry.id === form.values.licenceId);
  const rtcOffered = rtcLinesOffered(form.values.country);
  const commentLength = form.values.comment.length;

  return (
    <>
      <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
        {draftShown && (
          <Group gap={6} mb="md" role="status">
            <Text size="sm">{t("accounts.newAccount.draftRestored")}</Text>
            <Text size="sm" aria-hidden>
              ·
            </Text>
            <Button variant="subtle" size="compact-sm" onClick={discardDraft}>
              {t("accounts.newAccount.discardDraft")}
            </Button>
          </Group>
        )}
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="lg">
              <TitledCard title={t("accounts.newAccount.customerAndAccount")}>
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput label={LABELS.name} withAsterisk {...form.getInputProps("name")} />
                  <TextInput
                    label={LABELS.customerName}
                    withAsterisk
                    {...form.getInputProps("customerName")}
                  />
                  <Select
                    label={LABELS.country}
                    withAsterisk
                    searchable
                    allowDeselect={false}
                    nothingFoundMessage={t("accounts.newAccount.noCountry")}
                    data={format.countryOptions}
                    {...form.getInputProps("country")}
                    onChange={changeCountry}
                  />
                  <Select
                    label={LABELS.sectorCode}
                    withAsterisk
                    searchable
                    placeholder={t("accounts.newAccount.chooseSector")}
                    data={catalogue.sectors.map((sector) => ({
                      value: sector.code,
                      label: sector.name,
                    }))}
                    {...form.getInputProps("sectorCode")}
                  />
                </SimpleGrid>
              </TitledCard>

              <TitledCard title={t("accounts.newAccount.licenceAndTerm")}>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Select
                    label={LABELS.licenceId}
                    withAsterisk
                    placeholder={t("accounts.chooseLicence")}
                    description={licence?.description ?? t("accounts.newAccount.licenceHint")}
                    data={catalogue.licences.map((entry) => ({
                      value: entry.id,
                      label: entry.name,
                    }))}
                    {...form.getInputProps("licenceId")}
                  />
                  <NumberInput
                    label={LABELS.datapoints}
                    withAsterisk
                    description={t("accounts.newAccount.datapointsHint", { min: MIN_DATAPOINTS })}
                    min={MIN_DATAPOINTS}
                    {...numbers}
                    {...form.getInputProps("datapoints")}
                  />
                  <NumberInput
                    label={t("accounts.newAccount.periodMonths")}
                    withAsterisk
                    description={t("accounts.newAccount.periodHint", {
                      min: MIN_PERIOD_MONTHS,
                      max: MAX_PERIOD_MONTHS,
                    })}
                    min={MIN_PERIOD_MONTHS}
                    max={MAX_PERIOD_MONTHS}
                    {...numbers}
                    {...form.getInputProps("periodMonths")}
                  />
                </SimpleGrid>
              </TitledCard>

              <TitledCard title={t("accounts.field.billManagement")}>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <Select
                    label={LABELS.billManagementTypeId}
                    allowDeselect={false}
                    data={billManagementTypeOptions(t, catalogue)}
                    {...form.getInputProps("billManagementTypeId")}
                  />
                  <NumberInput
                    label={LABELS.rtmMeters}
                    description={t("accounts.newAccount.needsBillManagement")}
                    min={0}
                    {...numbers}
                    {...form.getInputProps("rtmMeters")}
                  />
                  <NumberInput
                    label={LABELS.additionalPods}
                    description={t("accounts.newAccount.needsBillManagement")}
                    min={0}
                    {...numbers}
                    {...form.getInputProps("additionalPods")}
                  />
                </SimpleGrid>
              </TitledCard>

              <TitledCard title={t("accounts.newAccount.alerts")}>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <NumberInput
                    label={LABELS.smsCredits}
                    description={t("accounts.newAccount.smsCreditsHint")}
                    min={0}
                    {...numbers}
                    {...form.getInputProps("smsCredits")}
                  />
                  <NumberInput
                    label={LABELS.rtcLines}
                    description={t("accounts.rtcOnlySpain")}
                    disabled={!rtcOffered}
                    min={0}
                    {...numbers}
                    {...form.getInputProps("rtcLines")}
                  />
                  <TextInput
                    label={LABELS.emailDomain}
                    description={t("accounts.newAccount.emailDomainHint")}
                    placeholder="mail.example.com"
                    {...form.getInputProps("emailDomain")}
                  />
                </SimpleGrid>
              </TitledCard>

              <TitledCard title={LABELS.comment}>
                <Textarea
                  aria-label={LABELS.comment}
                  placeholder={t("accounts.newAccount.commentPlaceholder")}
                  autosize
                  minRows={3}
                  maxRows={10}
                  inputWrapperOrder={["label", "input", "description", "error"]}
                  description={
                    <Text span size="xs" c={commentLength > MAX_COMMENT_LENGTH ? "red" : "dimmed"}>
                      {t("accounts.newAccount.characters", {
                        length: commentLength,
                        max: MAX_COMMENT_LENGTH,
                      })}
                    </Text>
                  }
                  {...form.getInputProps("comment")}
                />
              </TitledCard>

              <Group justify="flex-end">
                <Button variant="default" component={Link} to="/account-management">
                  {t("common.cancel")}
                </Button>
                <Button type="submit" loading={file.isPending} leftSection={<IconSend size={16} />}>
                  {t("accounts.newAccount.create")}
                </Button>
              </Group>
            </Stack>
          </Grid.Col>

          <Grid.Col span={{ base: 12, lg: 4 }}>
            <NewAccountNextSteps />
          </Grid.Col>
        </Grid>
      </form>
      <ConfirmModal
        opened={blocker.state === "blocked"}
        title={t("accounts.newAccount.leaveTitle")}
        confirmLabel={t("accounts.newAccount.leave")}
        loading={false}
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      >
        {t("accounts.newAccount.leaveText")}
      </ConfirmModal>
    </>
  );
}
