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
  RTC_COUNTRY,
} from "@shared/domain/accounts.ts";
import { newAccountRequest } from "@shared/domain/applications.ts";
import { IconSend } from "@tabler/icons-react";
import { Link, useNavigate } from "react-router";
import { TitledCard } from "../../../../components/titled-card.tsx";
import { ACCOUNT_FIELD_LABELS as LABELS } from "../../../../lib/account-fields.ts";
import { ApiError, fieldErrorsOf } from "../../../../lib/api.ts";
import { COUNTRY_OPTIONS, countryName, formatNumber } from "../../../../lib/format.ts";
import { notifyError } from "../../../../lib/query-client.ts";
import { billManagementTypeOptions, validateWith, wholeNumber } from "../../../../lib/zod-form.ts";
import { useFileApplication } from "../../api/file-application.ts";
import { NewAccountNextSteps } from "./new-account-next-steps.tsx";
import { NEW_ACCOUNT_VALUES, type NewAccountValues, requestOf } from "./new-account-values.ts";

/** The create-account form: an application for Customer Success to approve. */
export function NewAccountForm({ catalogue }: { catalogue: Catalogue }) {
  const navigate = useNavigate();
  const file = useFileApplication();
  const form = useForm<NewAccountValues>({
    mode: "controlled",
    initialValues: NEW_ACCOUNT_VALUES,
    validate: validateWith(newAccountRequest, requestOf),
  });

  const submit = (values: NewAccountValues) => {
    const payload = newAccountRequest.parse(requestOf(values));
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
            <TitledCard title="Customer and account">
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
            </TitledCard>

            <TitledCard title="Licence and term">
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
            </TitledCard>

            <TitledCard title="Bill Management">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label={LABELS.billManagementTypeId}
                  allowDeselect={false}
                  data={billManagementTypeOptions(catalogue)}
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
            </TitledCard>

            <TitledCard title="Alerts, meter reading and e-mail">
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
            </TitledCard>

            <TitledCard title={LABELS.comment}>
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
            </TitledCard>

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
          <NewAccountNextSteps />
        </Grid.Col>
      </Grid>
    </form>
  );
}
