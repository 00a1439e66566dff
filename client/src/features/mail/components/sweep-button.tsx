import { Button } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconBellRinging } from "@tabler/icons-react";
import { count } from "../../../lib/format.ts";
import { useRunReminderSweep } from "../api/sweep.ts";

/** Runs the reminder sweep now and says what it did; the e-mails arrive in the mailbox moments later. */
export function SweepButton() {
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
              title: "Reminder sweep done",
              message:
                reminders > 0
                  ? `${count(reminders, "reminder")} due: ${count(mails, "e-mail")} queued, delivered in a moment.`
                  : "No reminder is due: every account's reminders have already gone out.",
            }),
        })
      }
    >
      Run reminder sweep now
    </Button>
  );
}
