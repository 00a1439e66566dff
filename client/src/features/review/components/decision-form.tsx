import { Button, Checkbox, Group, Paper, Stack, Textarea, Title } from "@mantine/core";
import { useLocalStorage } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import { type Application, approveBody, rejectBody } from "@shared/api/applications.ts";
import type { Catalogue } from "@shared/api/catalogue.ts";
import { IconCheck, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { useOneAtATime } from "../../../hooks/use-one-at-a-time.ts";
import { ApiError, localise } from "../../../lib/api.ts";
import { useT } from "../../../lib/i18n.tsx";
import { notifyError } from "../../../lib/query-client.ts";
import type { Decision, useDecideApplication } from "../api/decide.ts";
import { nextPendingApplication } from "../api/queue.ts";
import { queueFiltersFrom, queueSearch } from "../queue-params.ts";
import { ConfirmDecision } from "./confirm-decision.tsx";

const SCHEMAS = { approve: approveBody, reject: rejectBody };
const DONE = { approve: "review.decision.approved", reject: "review.decision.rejected" } as const;

/**
 * Approve, or reject with a comment for the requester, each confirmed in a dialog that shows what
 * it does; then back to the queue, or — when the reviewer asks — on to the queue's next application.
 */
export function DecisionForm({
  application,
  catalogue,
  decide,
}: {
  application: Application;
  catalogue: Catalogue;
  decide: ReturnType<typeof useDecideApplication>;
}) {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Decision | null>(null);
  // A reviewer working through the queue keeps this on from one application to the next.
  const [openNext, setOpenNext] = useLocalStorage({
    key: "wattfolio.review.openNext",
    defaultValue: false,
    getInitialValueInEffect: false,
  });
  const pending = decide.isPending ? decide.variables.decision : null;
  const oneAtATime = useOneAtATime();
  const filters = queueFiltersFrom(params);

  /** The comment must suit the decision before the dialog asks to confirm it. */
  const ask = (decision: Decision) => {
    const checked = SCHEMAS[decision].safeParse({ comment });
    if (!checked.success) {
      const rule = checked.error.issues[0]?.message;
      setCommentError(rule ? localise(rule) : t("review.decision.checkComment"));
      return;
    }
    setCommentError(null);
    setConfirming(decision);
  };

  /** Where to go once decided: the queue's next pending application, or the queue itself. */
  const goOn = async () => {
    const search = queueSearch(filters);
    const next = openNext ? await nextPendingApplication(filters, application.id) : null;
    if (next) {
      await navigate(`/review/${next.id}${search}`);
      return;
    }
    if (openNext) {
      notifications.show({
        color: "indigo",
        title: t("review.queue.noneLeft"),
        message: t("review.queue.noneLeftText"),
      });
    }
    await navigate(`/review${search}`);
  };

  const confirm = () => {
    const decision = confirming;
    if (!decision) return;
    const checked = SCHEMAS[decision].safeParse({ comment });
    oneAtATime((settled) =>
      decide.mutate(
        {
          applicationId: application.id,
          decision,
          comment: (checked.success ? checked.data.comment : comment) ?? "",
        },
        {
          onSuccess: async () => {
            notifications.show({
              color: decision === "approve" ? "green" : "orange",
              title: t(DONE[decision]),
              message: application.summary,
            });
            try {
              await goOn();
            } catch (error) {
              if (error instanceof Error) notifyError(error);
              await navigate(`/review${queueSearch(filters)}`);
            } finally {
              settled();
            }
          },
          onError: (error) => {
            settled();
            setConfirming(null);
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
        <Checkbox
          label={t("review.decision.openNext")}
          checked={openNext}
          onChange={(event) => setOpenNext(event.currentTarget.checked)}
        />
        <Group grow>
          <Button
            color="red"
            variant="light"
            leftSection={<IconX size={16} />}
            loading={pending === "reject"}
            disabled={pending === "approve"}
            onClick={() => ask("reject")}
          >
            {t("review.decision.reject")}
          </Button>
          <Button
            color="green"
            leftSection={<IconCheck size={16} />}
            loading={pending === "approve"}
            disabled={pending === "reject"}
            onClick={() => ask("approve")}
          >
            {t("review.decision.approve")}
          </Button>
        </Group>
      </Stack>
      <ConfirmDecision
        application={application}
        catalogue={catalogue}
        decision={confirming}
        comment={comment.trim()}
        deciding={decide.isPending}
        onConfirm={confirm}
        onCancel={() => setConfirming(null)}
      />
    </Paper>
  );
}
