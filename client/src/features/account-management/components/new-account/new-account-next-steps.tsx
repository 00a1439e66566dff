import { Paper, Text, Timeline, Title } from "@mantine/core";
import { IconCircleCheck, IconSend, IconUserCheck } from "@tabler/icons-react";
import { useT } from "../../../../lib/i18n.tsx";

/** Beside the create form: what becomes of the application once it is sent. */
export function NewAccountNextSteps() {
  const t = useT();
  return (
    <Paper withBorder radius="md" p="lg" pos="sticky" top={80}>
      <Title order={4} mb="md">
        {t("accounts.newAccount.next.title")}
      </Title>
      <Timeline bulletSize={28} lineWidth={2}>
        <Timeline.Item bullet={<IconSend size={14} />} title={t("accounts.newAccount.next.send")}>
          <Text size="sm" c="dimmed">
            {t("accounts.newAccount.next.sendText")}
          </Text>
        </Timeline.Item>
        <Timeline.Item
          bullet={<IconUserCheck size={14} />}
          title={t("accounts.newAccount.next.review")}
        >
          <Text size="sm" c="dimmed">
            {t("accounts.newAccount.next.reviewText")}
          </Text>
        </Timeline.Item>
        <Timeline.Item
          bullet={<IconCircleCheck size={14} />}
          title={t("accounts.newAccount.next.start")}
        >
          <Text size="sm" c="dimmed">
            {t("accounts.newAccount.next.startText")}
          </Text>
        </Timeline.Item>
      </Timeline>
    </Paper>
  );
}
