import { Badge, Group, Paper, Stack, Switch, Table, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { AutoApprovalRule } from "@shared/api/applications.ts";
import { applicationKindLabel } from "../../../components/applications.tsx";
import { LoadingState } from "../../../components/loading-state.tsx";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { useAutoApprovalRules, useSetAutoApprovalRule } from "../api/auto-approval-rules.ts";

function RuleRow({ rule }: { rule: AutoApprovalRule }) {
  const t = useT();
  const format = useFormat();
  const set = useSetAutoApprovalRule();
  const label = applicationKindLabel(t, rule.kind);
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
            aria-label={t("review.rules.approveOnFiling", { kind: label.toLowerCase() })}
            checked={enabled}
            disabled={set.isPending}
            onChange={(event) =>
              set.mutate(
                { kind: rule.kind, enabled: event.currentTarget.checked },
                {
                  onSuccess: (_, { enabled: on }) =>
                    notifications.show({
                      color: "green",
                      title: t("review.rules.saved"),
                      message: on
                        ? t("review.rules.savedOn", { kind: label })
                        : t("review.rules.savedOff", { kind: label }),
                    }),
                },
              )
            }
          />
          <Badge variant="light" color={enabled ? "teal" : "gray"}>
            {enabled ? t("review.rules.approvedOnFiling") : t("review.rules.needsReview")}
          </Badge>
        </Group>
      </Table.Td>
      <Table.Td>
        {rule.updatedAt ? (
          <Text size="sm">
            {rule.updatedBy?.name ?? ""}{" "}
            <Text span size="xs" c="dimmed">
              {format.dateTime(rule.updatedAt)}
            </Text>
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t("review.rules.default")}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** One switch per kind of application: approved as filed, or sent to the review queue. */
export function AutoApprovalRules() {
  const t = useT();
  const rules = useAutoApprovalRules();
  if (!rules.data) return <LoadingState />;
  return (
    <Stack gap="sm" maw={860}>
      <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
        <Table aria-label={t("review.rules.title")} verticalSpacing="sm" horizontalSpacing="md">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>{t("review.rules.kindOfApplication")}</Table.Th>
              <Table.Th>{t("review.rules.autoApproval")}</Table.Th>
              <Table.Th>{t("review.rules.lastChanged")}</Table.Th>
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
        {t("review.rules.footnote")}
      </Text>
    </Stack>
  );
}
