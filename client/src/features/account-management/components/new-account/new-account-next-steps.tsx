import { Paper, Text, Timeline, Title } from "@mantine/core";
import { IconCircleCheck, IconSend, IconUserCheck } from "@tabler/icons-react";

/** Beside the create form: what becomes of the application once it is sent. */
export function NewAccountNextSteps() {
  return (
    <Paper withBorder radius="md" p="lg" pos="sticky" top={80}>
      <Title order={4} mb="md">
        What happens next
      </Title>
      <Timeline bulletSize={28} lineWidth={2}>
        <Timeline.Item bullet={<IconSend size={14} />} title="You send the application">
          <Text size="sm" c="dimmed">
            It appears as pending in the Applications zone.
          </Text>
        </Timeline.Item>
        <Timeline.Item bullet={<IconUserCheck size={14} />} title="Customer Success reviews it">
          <Text size="sm" c="dimmed">
            They approve it, or reject it with a comment saying why.
          </Text>
        </Timeline.Item>
        <Timeline.Item bullet={<IconCircleCheck size={14} />} title="The account starts">
          <Text size="sm" c="dimmed">
            Active from the day of approval for the period you asked for, under Active accounts.
          </Text>
        </Timeline.Item>
      </Timeline>
    </Paper>
  );
}
