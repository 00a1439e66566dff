import {
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import type { Catalogue } from "@shared/api/catalogue.ts";
import {
  MAX_COMMENT_LENGTH,
  MAX_PERIOD_MONTHS,
  MIN_DATAPOINTS,
  MIN_PERIOD_MONTHS,
  RTC_COUNTRY,
} from "@shared/domain/accounts.ts";
import { newAccountRequest } from "@shared/domain/applications.ts";
import { IconCircleCheck, IconSend, IconUserCheck } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Link, useNavigate } from "react-router";
import { ACCOUNT_FIELD_LABELS as LABELS } from "../../../lib/account-fields.ts";
import { ApiError, fieldErrorsOf } from "../../../lib/api.ts";
import { COUNTRY_OPTIONS, countryName, formatNumber } from "../../../lib/format.ts";
import { notifyError } from "../../../lib/query-client.ts";
import { formErrorsOf } from "../../../lib/zod-form.ts";
import { useFileApplication } from "../api/file-application.ts";

/** The Select value that stands for "no Bill Management licence". */
const NONE = "none";

/** What the inputs hold: Selects may be empty and NumberInputs hold "" until a number is typed. */
interface FormValues {
  name: string;
  customerName: string;
  country: string | null;
  sectorCode: string | null;
  licenceId: string | null;
  periodMonths: number | string;
  datapoints: number | string;
  billManagementTypeId: string;
  rtmMeters: number | string;
  additionalPods: number | string;
  smsCredits: number | string;
  rtcLines: number | string;
  emailDomain: string;
  comment: string;
}

const INITIAL_VALUES: FormValues = {
  name: "",
  customerName: "",
  country: RTC_COUNTRY,
  sectorCode: null,
  licenceId: null,
  periodMonths: 12,
  datapoints: MIN_DATAPOINTS,
  billManagementTypeId: NONE,
  rtmMeters: 0,
  additionalPods: 0,
  smsCredits: 0,
  rtcLines: 0,
  emailDomain: "",
  comment: "",
};

const numberOf = (value: number | string) => (typeof value === "number" ? value : undefined);

/** The request as the shared schema reads it; the schema, not the form, decides what is valid. */
function toRequest(values: FormValues) {
  return {
    name: values.name,
    customerName: values.customerName,
    country: values.country ?? "",
    sectorCode: values.sectorCode ?? "",
    licenceId: values.licenceId ?? "",
    periodMonths: numberOf(values.periodMonths),
    datapoints: numberOf(values.datapoints),
    billManagementTypeId: values.billManagementTypeId === NONE ? null : values.billManagementTypeId,
    rtmMeters: numberOf(values.rtmMeters),
    additionalPods: numberOf(values.additionalPods),
    smsCredits: numberOf(values.smsCredits),
    rtcLines: numberOf(values.rtcLines),
    emailDomain: values.emailDomain.trim() === "" ? null : values.emailDomain,
    comment: values.comment,
  };
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={4} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

const wholeNumber = { allowDecimal: false, allowNegative: false, clampBehavior: "none" } as const;

/** The create-account form: an application for Customer Success to approve. */
export function NewAccountForm({ catalogue }: { catalogue: Catalogue }) {
  const navigate = useNavigate();
  const file = useFileApplication();
  const form = useForm<FormValues>({
    mode: "controlled",
    initialValues: INITIAL_VALUES,
    validate: (values) => {
      const checked = newAccountRequest.safeParse(toRequest(values));
      return checked.success ? {} : formErrorsOf(checked.error);
    },
  });

  const submit = (values: FormValues) => {
    const payload = newAccountRequest.parse(toRequest(values));
    file.mutate(
      { kind: "new_account", payload },
      {
        onSuccess: () => {
          notifications.show({
            color: "green",
            title: "Application sent",
            message: `Customer Success will review the new account "${payload.name}".`,
          });
          void navigate("/account-management?zone=applications");
        },
        onError: (error) => {
          if (error instanceof ApiError) form.setErrors(fieldErrorsOf(error, "payload."));
          notifyError(error);
        },
      },
    );
  };

  const focusFirstError = (errors: Record<string, unknown>) => {
    const [first] = Object.keys(errors);
    if (first) form.getInputNode(first)?.focus();
  };

  const licence = catalogue.licences.find((entry) => entry.id === form.values.licenceId);
  const country = form.values.country;
  const commentLength = form.values.comment.length;

  return (
    <form onSubmit={form.onSubmit(submit, focusFirstError)} noValidate>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Section title="Customer and account">
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
                  nothingFoundMessage="No country by that name"
                  data={COUNTRY_OPTIONS}
                  {...form.getInputProps("country")}
                />
                <Select
                  label={LABELS.sectorCode}
                  withAsterisk
                  searchable
                  placeholder="Choose a sector"
                  data={catalogue.sectors.map((sector) => ({
                    value: sector.code,
                    label: sector.name,
                  }))}
                  {...form.getInputProps("sectorCode")}
                />
              </SimpleGrid>
            </Section>

            <Section title="Licence and term">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={LABELS.licenceId}
                  withAsterisk
                  placeholder="Choose a licence"
                  description={licence?.description ?? "What the customer may use"}
                  data={catalogue.licences.map((entry) => ({
                    value: entry.id,
                    label: entry.name,
                  }))}
                  {...form.getInputProps("licenceId")}
                />
                <NumberInput
                  label={LABELS.datapoints}
                  withAsterisk
                  description={`DP to contract, at least ${MIN_DATAPOINTS}`}
                  min={MIN_DATAPOINTS}
                  {...wholeNumber}
                  {...form.getInputProps("datapoints")}
                />
                <NumberInput
                  label={`${LABELS.periodMonths} (months)`}
                  withAsterisk
                  description={`${MIN_PERIOD_MONTHS} to ${MAX_PERIOD_MONTHS} months from approval`}
                  min={MIN_PERIOD_MONTHS}
                  max={MAX_PERIOD_MONTHS}
                  {...wholeNumber}
                  {...form.getInputProps("periodMonths")}
                />
              </SimpleGrid>
            </Section>

            <Section title="Bill Management">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={LABELS.billManagementTypeId}
                  allowDeselect={false}
                  data={[
                    { value: NONE, label: "None" },
                    ...catalogue.billManagementTypes.map((type) => ({
                      value: type.id,
                      label: type.name,
                    })),
                  ]}
                  {...form.getInputProps("billManagementTypeId")}
                />
                <NumberInput
                  label={LABELS.rtmMeters}
                  description="Needs a Bill Management licence type"
                  min={0}
                  {...wholeNumber}
                  {...form.getInputProps("rtmMeters")}
                />
                <NumberInput
                  label={LABELS.additionalPods}
                  description="Needs a Bill Management licence type"
                  min={0}
                  {...wholeNumber}
                  {...form.getInputProps("additionalPods")}
                />
              </SimpleGrid>
            </Section>

            <Section title="Alerts, meter reading and e-mail">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NumberInput
                  label={LABELS.smsCredits}
                  description="Spent by real-time alerts"
                  min={0}
                  {...wholeNumber}
                  {...form.getInputProps("smsCredits")}
                />
                <NumberInput
                  label={LABELS.rtcLines}
                  description={
                    country && country !== RTC_COUNTRY
                      ? `Only available in Spain, not in ${countryName(country)}`
                      : "Only available in Spain"
                  }
                  min={0}
                  {...wholeNumber}
                  {...form.getInputProps("rtcLines")}
                />
                <TextInput
                  label={LABELS.emailDomain}
                  description="Optional: your own sending domain"
                  placeholder="mail.example.com"
                  {...form.getInputProps("emailDomain")}
                />
              </SimpleGrid>
            </Section>

            <Section title={LABELS.comment}>
              <Textarea
                aria-label={LABELS.comment}
                placeholder="Anything Customer Success should know about this account"
                autosize
                minRows={3}
                maxRows={10}
                inputWrapperOrder={["label", "input", "description", "error"]}
                description={
                  <Text span size="xs" c={commentLength > MAX_COMMENT_LENGTH ? "red" : "dimmed"}>
                    {formatNumber(commentLength)} / {formatNumber(MAX_COMMENT_LENGTH)} characters
                  </Text>
                }
                {...form.getInputProps("comment")}
              />
            </Section>

            <Group justify="flex-end">
              <Button variant="default" component={Link} to="/account-management">
                Cancel
              </Button>
              <Button type="submit" loading={file.isPending} leftSection={<IconSend size={16} />}>
                Create a new account
              </Button>
            </Group>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper withBorder radius="md" p="lg" pos="sticky" top={80}>
            <Title order={4} mb="md">
              What happens next
            </Title>
            <Timeline bulletSize={28} lineWidth={2}>
              <Timeline.Item bullet={<IconSend size={14} />} title="You send the application">
                <Text size="sm" c="dimmed">
                  It appears as pending in the Applications zone.
                </Text>
              </Timeline.Item>
              <Timeline.Item
                bullet={<IconUserCheck size={14} />}
                title="Customer Success reviews it"
              >
                <Text size="sm" c="dimmed">
                  They approve it, or reject it with a comment saying why.
                </Text>
              </Timeline.Item>
              <Timeline.Item bullet={<IconCircleCheck size={14} />} title="The account starts">
                <Text size="sm" c="dimmed">
                  Active from the day of approval for the period you asked for, under Active
                  accounts.
                </Text>
              </Timeline.Item>
            </Timeline>
          </Paper>
        </Grid.Col>
      </Grid>
    </form>
  );
}
