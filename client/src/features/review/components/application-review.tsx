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
import { APPLICATION_KIND_LABELS } from "../../../../../shared/domain/applications.ts";
import { AccountLink } from "../../../components/account-link.tsx";
import { Fact } from "../../../components/fact.tsx";
import { ACCOUNT_FIELD_LABELS } from "../../../lib/account-fields.ts";
import { ApiError } from "../../../lib/api.ts";
import { count, countryName, formatDateTime, formatNumber } from "../../../lib/format.ts";
import { notifyError } from "../../../lib/query-client.ts";
import { catalogueNames } from "../../catalogue/api/catalogue.ts";
import { type Decision, useDecideApplication } from "../api/decide.ts";

const NOTHING = "—";

interface ChangeRow {
  label: string;
  /** Null when the application does not say (the account's current value is not part of it). */
  before: string | null;
  after: string;
}

function labelOf(field: string): string {
  const known = ACCOUNT_FIELD_LABELS[field as keyof typeof ACCOUNT_FIELD_LABELS];
  if (known) return known;
  const words = field.replace(/([A-Z])/g, " $1").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A requested value in the reviewer's words, catalogue ids resolved to names. */
function shownValue(
  field: string,
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

/** The change an application asks for, field by field. */
function changeRows(application: Application, catalogue: Catalogue): ChangeRow[] {
  const names = catalogueNames(catalogue);
  if (application.kind === "new_account") {
    // A new account has nothing before: every field goes from "—" to its value.
    return Object.entries(ACCOUNT_FIELD_LABELS).map(([field, label]) => ({
      label,
      before: NOTHING,
      after: shownValue(field, application.payload[field], names),
    }));
  }
  return Object.entries(application.payload).map(([field, value]) => ({
    label: labelOf(field),
    before: null,
    after: shownValue(field, value, names),
  }));
}

/** Before → after, field by field; without a "before" when the application does not carry one. */
function ChangeTable({ rows }: { rows: ChangeRow[] }) {
  const withBefore = rows.some((row) => row.before !== null);
  return (
    <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
      <Table aria-label="Requested change" verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th w="30%">Field</Table.Th>
            {withBefore && <Table.Th w="20%">Before</Table.Th>}
            {withBefore && <Table.Th w={40} aria-hidden />}
            <Table.Th>{withBefore ? "After" : "Requested"}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.label}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {row.label}
                </Text>
              </Table.Td>
              {withBefore && (
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {row.before}
                  </Text>
                </Table.Td>
              )}
              {withBefore && (
                <Table.Td c="dimmed" aria-hidden>
                  →
                </Table.Td>
              )}
              <Table.Td>
                <Text size="sm" fw={500} style={{ whiteSpace: "pre-wrap" }}>
                  {row.after}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
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

function Refusal({ error }: { error: ApiError }) {
  return (
    <Alert
      color={error.code === "APPLICATION_NOT_PENDING" ? "orange" : "red"}
      icon={<IconAlertTriangle size={18} />}
      title={error.title}
      role="alert"
    >
      <Text size="sm">{error.message}</Text>
      {error.errors.length > 0 && (
        <List size="sm" mt="xs">
          {error.errors.map((problem) => (
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
          {refusal && <Refusal error={refusal} />}
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
              {application.decidedBy && application.decidedAt && (
                <Fact label="Decided by">
                  {application.decidedBy.name} · {formatDateTime(application.decidedAt)}
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
