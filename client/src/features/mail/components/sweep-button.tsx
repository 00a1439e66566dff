import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { SweepResult } from "@shared/api/lifecycle.ts";
import { IconBellRinging } from "@tabler/icons-react";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { useRunReminderSweep } from "../api/sweep.ts";

/**
 * Runs the reminder sweep now and says what it did; the e-mails arrive in the mailbox moments later.
 * When nothing is due because a sweep (the schedule's, or the test clock's when it moved) sent the
 * reminders already, it says how many and when, so that "nothing due" does not read as broken.
 */
export function SweepButton() {
  const t = useT();
  const format = useFormat();
  const sweep = useRunReminderSweep();
  const outcome = ({ reminders, mails, sentInLastDay, lastSentAt }: SweepResult) => {
    if (reminders > 0) return t("mailbox.sweep.queued", { reminders, mails });
    if (sentInLastDay > 0 && lastSentAt) {
      return t("mailbox.sweep.nothingDueRecent", {
        count: sentInLastDay,
        lastSentAt: format.dateTime(lastSentAt),
      });
    }
    return t("mailbox.sweep.nothingDue");
  };
  return (
    <Button
      leftSection={<IconBellRinging size={16} />}
      loading={sweep.isPending}
      onClick={() =>
        sweep.mutate(undefined, {
          onSuccess: (result) =>
            notifications.show({
              color: result.reminders > 0 ? "teal" : "gray",
              title: t("mailbox.sweep.done"),
              message: outcome(result),
            }),
        })
      }
    >
      {t("mailbox.sweep.run")}
    </Button>
  );
}
