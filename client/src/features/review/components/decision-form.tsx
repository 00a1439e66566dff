import { Button, Group, Paper, Stack, Textarea, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { type Application, approveBody, rejectBody } from "@shared/api/applications.ts";
import { IconCheck, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useOneAtATime } from "../../../hooks/use-one-at-a-time.ts";
import { ApiError } from "../../../lib/api.ts";
import { useT } from "../../../lib/i18n.tsx";
import { notifyError } from "../../../lib/query-client.ts";
import type { Decision, useDecideApplication } from "../api/decide.ts";

const SCHEMAS = { approve: approveBody, reject: rejectBody };
const DONE = { approve: "review.decision.approved", reject: "review.decision.rejected" } as const;

/** Approve, or reject with a comment for the requester; then back to the queue. */
export function DecisionForm({
  application,
  decide,
}: {
  application: Application;
  decide: ReturnType<typeof useDecideApplication>;
}) {
  const t = useT();
  const navigate = useNavigate();
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState<string | null>(null);
  const pending = decide.isPending ? decide.variables.decision : null;
  const oneAtATime = useOneAtATime();

  const submit = (decision: Decision) => {
    const checked = SCHEMAS[decision].safeParse({ comment });
    if (!checked.success) {
      setCommentError(checked.error.issues[0]?.message ?? t("review.decision.checkComment"));
      return;
    }
    setCommentError(null);
    oneAtATime((settled) =>
      decide.mutate(
        { applicationId: application.id, decision, comment: checked.data.comment ?? "" },
        {
          onSettled: settled,
          onSuccess: () => {
            notifications.show({
              color: decision === "approve" ? "green" : "orange",
              title: t(DONE[decision]),
              message: application.summary,
            });
            void navigate("/review");
          },
          onError: (error) => {
            const field =
              error instanceof ApiError
                ? error.errors.find((e) => e.field === "comment")
                : undefined;
            if (field) setCommentError(field.message);
            // Refusals about the application itself are explained on the page.
            else if (!(error instanceof ApiError && error.status === 409)) notifyError(error);
          },
        },
      ),
    );
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={4} mb="md">
        {t("review.decision.title")}
      </Title>
      <Stack gap="md">
        <Textarea
          label={t("review.decision.comment")}
          description={t("review.decision.commentDescription")}
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
            {t("review.decision.reject")}
          </Button>
          <Button
            color="green"
            leftSection={<IconCheck size={16} />}
            loading={pending === "approve"}
            disabled={pending === "reject"}
            onClick={() => submit("approve")}
          >
            {t("review.decision.approve")}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
