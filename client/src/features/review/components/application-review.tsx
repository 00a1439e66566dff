import {
  Alert,
  Blockquote,
  Button,
  Grid,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertTriangle, IconCheck, IconMessage, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import {
  type Application,
  approveBody,
  rejectBody,
} from "../../../../../shared/api/applications.ts";
import type { Catalogue } from "../../../../../shared/api/catalogue.ts";
import {
  APPLICATION_KIND_LABELS,
  type NewAccountRequest,
} from "../../../../../shared/domain/applications.ts";
import { isCalendarDate } from "../../../../../shared/domain/calendar.ts";
import type { Entitlement } from "../../../../../shared/domain/changes.ts";
import type { FieldError } from "../../../../../shared/errors.ts";
import { AccountLink } from "../../../components/account-link.tsx";
import { Fact } from "../../../components/fact.tsx";
import { ACCOUNT_FIELD_LABELS, ENTITLEMENT_LABELS } from "../../../lib/account-fields.ts";
import { ApiError } from "../../../lib/api.ts";
import {
  count,
  countryName,
  formatDate,
  formatDateTime,
  formatNumber,
} from "../../../lib/format.ts";
import { notifyError } from "../../../lib/query-client.ts";
import { catalogueNames } from "../../catalogue/api/catalogue.ts";
import { type Decision, useDecideApplication } from "../api/decide.ts";

const NOTHING = "—";

interface ChangeRow {
  key: string;
  label: string;
  before: string;
  after: string;
}

/** A requested value of a new account in the reviewer's words, catalogue ids resolved to names. */
function requestedValue(
  field: keyof NewAccountRequest,
  value: unknown,
  names: ReturnType<typeof catalogueNames>,
): string {
  if (value === null || value === undefined || value === "") {
    return field === "billManagementTypeId" ? "None" : NOTHING;
  }
  const text = String(value);
  switch (field) {
    case "country":
      return `${countryName(text)} (${text})`;
    case "sectorCode":
      return names.sector(text) ?? text;
    case "licenceId":
      return names.licence(text) ?? "A licence no longer in the catalogue";
    case "billManagementTypeId":
      return names.billManagementType(text) ?? "A type no longer in the catalogue";
    case "periodMonths":
      return count(Number(value), "month");
    case "datapoints":
      return `${formatNumber(Number(value))} DP`;
    default:
      return typeof value === "number" ? formatNumber(value) : text;
  }
}

/** An entitlement value as the API shows it (names already resolved), dates and numbers formatted. */
function entitlementValue(field: string, value: string | number | null): string {
  if (value === null) return field === "billManagementTypeId" ? "None" : NOTHING;
  if (typeof value === "number") return formatNumber(value);
  return isCalendarDate(value) ? formatDate(value) : value;
}

/** The change an application asks for, field by field, as before → after. */
function changeRows(application: Application, catalogue: Catalogue): ChangeRow[] {
  if (application.kind === "new_account") {
    // A new account has nothing before: every field goes from "—" to what is asked.
    const names = catalogueNames(catalogue);
    return Object.entries(ACCOUNT_FIELD_LABELS).map(([field, label]) => ({
      key: field,
      label,
      before: NOTHING,
      after: requestedValue(field as keyof NewAccountRequest, application.payload[field], names),
    }));
  }
  // A move changes two accounts: then each row says which one.
  const accounts = new Set(application.changes.map((change) => change.account.id));
  return application.changes.map((change) => {
    const label = ENTITLEMENT_LABELS[change.field as Entitlement] ?? change.field;
    return {
      key: `${change.account.id}:${change.field}`,
      label: accounts.size > 1 ? `${change.account.name}: ${label.toLowerCase()}` : label,
      before: entitlementValue(change.field, change.before),
      after: entitlementValue(change.field, change.after),
    };
  });
}

function ChangeTable({ rows }: { rows: ChangeRow[] }) {
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table aria-label="Requested change" verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th w="32%">Field</Table.Th>
            <Table.Th w="24%">Before</Table.Th>
            <Table.Th w={40} aria-hidden />
            <Table.Th>After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {row.label}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
                  {row.before}
                </Text>
              </Table.Td>
              <Table.Td c="dimmed" aria-hidden>
                →
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500} style={{ whiteSpace: "pre-wrap" }}>
                  {row.after}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Text size="sm" c="dimmed" ta="center" py="md">
                  This application changes nothing on the account as it is now.
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

const SCHEMAS = { approve: approveBody, reject: rejectBody };
const DONE: Record<Decision, string> = { approve: "approved", reject: "rejected" };

function DecisionForm({
  application,
  decide,
}: {
  application: Application;
  decide: ReturnType<typeof useDecideApplication>;
}) {
  const navigate = useNavigate();
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState<string | null>(null);
  const pending = decide.isPending ? decide.variables.decision : null;

  const submit = (decision: Decision) => {
    const checked = SCHEMAS[decision].safeParse({ comment });
    if (!checked.success) {
      setCommentError(checked.error.issues[0]?.message ?? "Check the comment");
      return;
    }
    setCommentError(null);
    decide.mutate(
      { applicationId: application.id, decision, comment: checked.data.comment ?? "" },
      {
        onSuccess: () => {
          notifications.show({
            color: decision === "approve" ? "green" : "orange",
            title: `Application ${DONE[decision]}`,
            message: application.summary,
          });
          void navigate("/review");
        },
        onError: (error) => {
          const field =
            error instanceof ApiError ? error.errors.find((e) => e.field === "comment") : undefined;
          if (field) setCommentError(field.message);
          // Refusals about the application itself are explained on the page.
          else if (!(error instanceof ApiError && error.status === 409)) notifyError(error);
        },
      },
    );
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={4} mb="md">
        Your decision
      </Title>
      <Stack gap="md">
        <Textarea
          label="Comment for the requester"
          description="Optional when approving; say why when rejecting."
          autosize
          minRows={3}
          maxRows={8}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          error={commentError}
        />
        <Group grow>
          <Button
            color="red"
            variant="light"
            leftSection={<IconX size={16} />}
            loading={pending === "reject"}
            disabled={pending === "approve"}
            onClick={() => submit("reject")}
          >
            Reject
          </Button>
          <Button
            color="green"
            leftSection={<IconCheck size={16} />}
            loading={pending === "approve"}
            disabled={pending === "reject"}
            onClick={() => submit("approve")}
          >
            Approve
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

interface ProblemAlertProps {
  title: string;
  message?: string;
  problems: FieldError[];
  color: "orange" | "red";
}

function ProblemAlert({ title, message, problems, color }: ProblemAlertProps) {
  return (
    <Alert color={color} icon={<IconAlertTriangle size={18} />} title={title} role="alert">
      {message && <Text size="sm">{message}</Text>}
      {problems.length > 0 && (
        <List size="sm" mt={message ? "xs" : 0}>
          {problems.map((problem) => (
            <List.Item key={`${problem.field}:${problem.message}`}>{problem.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** One application, as Customer Success reviews it: who asks, what changes, and the decision. */
export function ApplicationReview({
  application,
  catalogue,
}: {
  application: Application;
  catalogue: Catalogue;
}) {
  const decide = useDecideApplication();
  // Why a decision was refused (already decided, no longer valid…); stays after the page refreshes.
  const refusal =
    decide.error instanceof ApiError && decide.error.status === 409 ? decide.error : null;
  return (
    <Grid gutter="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="lg">
          {refusal && (
            <ProblemAlert
              title={refusal.title}
              message={refusal.message}
              problems={refusal.errors}
              color={refusal.code === "APPLICATION_NOT_PENDING" ? "orange" : "red"}
            />
          )}
          {!refusal && application.status === "pending" && application.problems.length > 0 && (
            <ProblemAlert
              title="Cannot be approved as the accounts are now"
              problems={application.problems}
              color="orange"
            />
          )}
          {application.comment && (
            <Blockquote icon={<IconMessage size={18} />} color="indigo" p="md" radius="md">
              <Text size="sm">{application.comment}</Text>
              <Text size="xs" c="dimmed" mt="xs">
                {application.requestedBy.name}, requester
              </Text>
            </Blockquote>
          )}
          <ChangeTable rows={changeRows(application, catalogue)} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="lg">
          <Paper withBorder radius="md" p="lg">
            <Stack gap="md">
              <Fact label="Partner">{application.partner.name}</Fact>
              <Fact label="Kind">{APPLICATION_KIND_LABELS[application.kind]}</Fact>
              <Fact label="Requested by">
                {application.requestedBy.name} · {formatDateTime(application.requestedAt)}
              </Fact>
              {application.decidedAt && (
                <Fact label="Decided by">
                  {application.decidedAutomatically
                    ? "Auto-approval rule"
                    : (application.decidedBy?.name ?? "")}{" "}
                  · {formatDateTime(application.decidedAt)}
                </Fact>
              )}
              {application.decisionComment && (
                <Fact label="Reviewer's comment">{application.decisionComment}</Fact>
              )}
              {application.account && (
                <Fact label="Account">
                  <AccountLink account={application.account} />
                </Fact>
              )}
            </Stack>
          </Paper>
          {application.status === "pending" && (
            <DecisionForm application={application} decide={decide} />
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
