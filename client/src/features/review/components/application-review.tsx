import { Alert, Blockquote, Grid, List, Paper, Stack, Text } from "@mantine/core";
import type { Application } from "@shared/api/applications.ts";
import type { Catalogue } from "@shared/api/catalogue.ts";
import type { FieldError } from "@shared/errors.ts";
import { IconAlertTriangle, IconMessage } from "@tabler/icons-react";
import { AccountLink } from "../../../components/account-link.tsx";
import { applicationKindLabel } from "../../../components/applications.tsx";
import { Fact } from "../../../components/fact.tsx";
import { ApiError } from "../../../lib/api.ts";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { useDecideApplication } from "../api/decide.ts";
import { ChangeTable, changeRows } from "./change-table.tsx";
import { DecisionForm } from "./decision-form.tsx";
import { WaitingBadge } from "./waiting-badge.tsx";

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
  const t = useT();
  const format = useFormat();
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
              title={t("review.application.cannotBeApproved")}
              problems={application.problems}
              color="orange"
            />
          )}
          {application.comment && (
            <Blockquote icon={<IconMessage size={18} />} color="indigo" p="md" radius="md">
              <Text size="sm">{application.comment}</Text>
              <Text size="xs" c="dimmed" mt="xs">
                {t("review.application.requester", { name: application.requestedBy.name })}
              </Text>
            </Blockquote>
          )}
          <ChangeTable
            rows={changeRows(application, catalogue, t, format)}
            status={application.status}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="lg">
          <Paper withBorder radius="md" p="lg">
            <Stack gap="md">
              <Fact label={t("review.application.partner")}>{application.partner.name}</Fact>
              <Fact label={t("review.application.kind")}>
                {applicationKindLabel(t, application.kind)}
              </Fact>
              <Fact label={t("review.application.requestedBy")}>
                {application.requestedBy.name} · {format.dateTime(application.requestedAt)}
              </Fact>
              {application.waitingSeconds !== null && (
                <Fact label={t("review.queue.waiting")}>
                  <WaitingBadge seconds={application.waitingSeconds} />
                </Fact>
              )}
              {application.decidedAt && (
                <Fact label={t("review.application.decidedBy")}>
                  {application.decidedAutomatically
                    ? t("review.application.autoApprovalRule")
                    : (application.decidedBy?.name ?? "")}{" "}
                  · {format.dateTime(application.decidedAt)}
                </Fact>
              )}
              {application.decisionComment && (
                <Fact label={t("review.application.reviewerComment")}>
                  {application.decisionComment}
                </Fact>
              )}
              {application.account && (
                <Fact label={t("review.application.account")}>
                  <AccountLink account={application.account} />
                </Fact>
              )}
              {application.targetAccount && (
                <Fact label={t("review.application.receivingAccount")}>
                  <AccountLink account={application.targetAccount} />
                </Fact>
              )}
            </Stack>
          </Paper>
          {application.status === "pending" && (
            <DecisionForm application={application} catalogue={catalogue} decide={decide} />
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
