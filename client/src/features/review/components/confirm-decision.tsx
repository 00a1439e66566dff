import { Alert, Blockquote, Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { Application } from "@shared/api/applications.ts";
import type { Catalogue } from "@shared/api/catalogue.ts";
import { IconAlertTriangle, IconCheck, IconMessage, IconX } from "@tabler/icons-react";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import type { Decision } from "../api/decide.ts";
import { ChangeTable, changeRows } from "./change-table.tsx";

interface ConfirmDecisionProps {
  application: Application;
  catalogue: Catalogue;
  /** The decision to confirm; the dialog is closed when null. */
  decision: Decision | null;
  comment: string;
  deciding: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A decision is final: before it is sent, the reviewer sees what it does — for an approval the
 * change as before → after, for a rejection the request and the reason the requester will read.
 */
export function ConfirmDecision({
  application,
  catalogue,
  decision,
  comment,
  deciding,
  onConfirm,
  onCancel,
}: ConfirmDecisionProps) {
  const t = useT();
  const format = useFormat();
  const phone = useMediaQuery("(max-width: 36em)");
  const approving = decision === "approve";
  return (
    <Modal
      opened={decision !== null}
      // While the decision is on its way, the dialog stays: it says how it went.
      onClose={() => {
        if (!deciding) onCancel();
      }}
      title={approving ? t("review.confirm.approveTitle") : t("review.confirm.rejectTitle")}
      size="lg"
      radius="md"
      fullScreen={phone}
    >
      <Stack gap="md">
        <Text size="sm" fw={500}>
          {application.summary}
        </Text>
        <Text size="sm" c="gray.7">
          {application.partner.name}
          {application.account ? ` · ${application.account.name}` : ""}
        </Text>
        {approving && (
          <ChangeTable
            rows={changeRows(application, catalogue, t, format)}
            status={application.status}
          />
        )}
        {comment && (
          <Blockquote
            icon={<IconMessage size={18} />}
            color={approving ? "indigo" : "red"}
            p="md"
            radius="md"
          >
            <Text size="xs" c="gray.7" mb={4}>
              {approving ? t("review.confirm.comment") : t("review.confirm.reason")}
            </Text>
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {comment}
            </Text>
          </Blockquote>
        )}
        {/* A warning read with the dialog, not an interruption: a note rather than an alert. */}
        <Alert
          role="note"
          color={approving ? "indigo" : "red"}
          variant="light"
          icon={<IconAlertTriangle size={18} />}
        >
          <Text size="sm">
            {approving ? t("review.confirm.approveFinal") : t("review.confirm.rejectFinal")}
          </Text>
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} disabled={deciding}>
            {t("common.cancel")}
          </Button>
          <Button
            color={approving ? "green" : "red"}
            leftSection={approving ? <IconCheck size={16} /> : <IconX size={16} />}
            loading={deciding}
            onClick={onConfirm}
            data-autofocus
          >
            {approving ? t("review.decision.approve") : t("review.decision.reject")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
