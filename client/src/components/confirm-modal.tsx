import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useT } from "../lib/i18n.tsx";

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  /** What will happen, in the words of the people it happens to. */
  children: ReactNode;
  confirmLabel: string;
  /** Red for what takes something away (suspend, deactivate, retire). */
  danger?: boolean;
  loading: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks before a change that others feel at once; Mantine's modal takes focus and gives it back. */
export function ConfirmModal({
  opened,
  title,
  children,
  confirmLabel,
  danger = false,
  loading,
  onConfirm,
  onClose,
}: ConfirmModalProps) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack gap="md">
        <Text size="sm" component="div">
          {children}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button color={danger ? "red" : undefined} onClick={onConfirm} loading={loading}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
