import { Badge, Group, Paper, Stack, Switch, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { AutoApprovalRule } from "@shared/api/applications.ts";
import { APPLICATION_KIND_LABELS } from "@shared/domain/applications.ts";
import { LoadingState } from "../../../components/loading-state.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useAutoApprovalRules, useSetAutoApprovalRule } from "../api/auto-approval-rules.ts";

function RuleRow({ rule }: { rule: AutoApprovalRule }) {
  const set = useSetAutoApprovalRule();
  const label = APPLICATION_KIND_LABELS[rule.kind];
  const enabled = set.isPending && set.variables ? set.variables.enabled : rule.enabled;
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {label}
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <Switch
            aria-label={`Approve ${label.toLowerCase()} on filing`}
            checked={enabled}
            disabled={set.isPending}
            onChange={(event) =>
              set.mutate(
                { kind: rule.kind, enabled: event.currentTarget.checked },
                {
                  onSuccess: (_, { enabled: on }) =>
                    notifications.show({
                      color: "green",
                      title: "Auto-approval rule saved",
                      message: on
                        ? `${label} applications are approved as they are filed.`
                        : `${label} applications wait for review again.`,
                    }),
                },
              )
            }
          />
          <Badge variant="light" color={enabled ? "teal" : "gray"}>
            {enabled ? "Approved on filing" : "Needs review"}
          </Badge>
        </Group>
      </Table.Td>
      <Table.Td>
        {rule.updatedAt ? (
          <Text size="sm">
            {rule.updatedBy?.name ?? ""}{" "}
            <Text span size="xs" c="dimmed">
              {formatDateTime(rule.updatedAt)}
            </Text>
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            Default
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** One switch per kind of application: approved as filed, or sent to the review queue. */
export function AutoApprovalRules() {
  const rules = useAutoApprovalRules();
  if (!rules.data) return <LoadingState />;
  return (
    <Stack gap="sm" maw={860}>
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table aria-label="Auto-approval rules" verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>Kind of application</Table.Th>
              <Table.Th>Auto-approval</Table.Th>
              <Table.Th>Last changed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.data.map((rule) => (
              <RuleRow key={rule.kind} rule={rule} />
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Text size="sm" c="dimmed">
        An application approved on filing is still recorded, with “auto-approval” as who decided it,
        and still checked against the account&apos;s rules.
      </Text>
    </Stack>
  );
}
