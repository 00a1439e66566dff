import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBellRinging } from "@tabler/icons-react";
import { useT } from "../../../lib/i18n.tsx";
import { useRunReminderSweep } from "../api/sweep.ts";

/** Runs the reminder sweep now and says what it did; the e-mails arrive in the mailbox moments later. */
export function SweepButton() {
  const t = useT();
  const sweep = useRunReminderSweep();
  return (
    <Button
      leftSection={<IconBellRinging size={16} />}
      loading={sweep.isPending}
      onClick={() =>
        sweep.mutate(undefined, {
          onSuccess: ({ reminders, mails }) =>
            notifications.show({
              color: reminders > 0 ? "teal" : "gray",
              title: t("mailbox.sweep.done"),
              message:
                reminders > 0
                  ? t("mailbox.sweep.queued", { reminders, mails })
                  : t("mailbox.sweep.nothingDue"),
            }),
        })
      }
    >
      {t("mailbox.sweep.run")}
    </Button>
  );
}
