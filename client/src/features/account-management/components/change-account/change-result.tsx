import { Alert, Group, Paper, Stack, Text, VisuallyHidden } from "@mantine/core";
import type { AccountSummary } from "@shared/api/accounts.ts";
import type { Plan } from "@shared/domain/changes.ts";
import { IconAlertTriangle, IconArrowRight } from "@tabler/icons-react";
import { useEntitlements } from "../../../../lib/account-fields.ts";
import { localise } from "../../../../lib/api.ts";
import { useT } from "../../../../lib/i18n.tsx";
import { ink } from "../../../../lib/ink.ts";
import type { ChangePreview } from "./use-change-preview.ts";

interface Accounts {
  account: AccountSummary;
  /** The receiving account of a move. */
  target: AccountSummary | undefined;
}

/** What the form's preview says after the arrow, with datapoints' usage beside them. */
function PreviewRows({ plan, account, target }: Accounts & { plan: Extract<Plan, { ok: true }> }) {
  const t = useT();
  const entitlements = useEntitlements();
  const accounts = new Set(plan.changes.map((change) => change.accountId));
  return (
    <Stack gap={6}>
      {plan.changes.map((change) => {
        const owner = change.accountId === target?.id ? target : account;
        const used =
          change.field === "datapointsContracted"
            ? `, ${t("accounts.change.used", { used: owner.datapoints.used })}`
            : "";
        const unit = change.field === "datapointsContracted" ? " DP" : "";
        const label = entitlements.label(change.field);
        return (
          <Group key={`${change.accountId}:${change.field}`} gap="xs" wrap="nowrap">
            <Text size="sm" c="dimmed" w={200} style={{ flexShrink: 0 }}>
              {accounts.size > 1 ? `${owner.name}: ${label.toLowerCase()}` : label}
            </Text>
            <Text size="sm" data-testid="preview">
              {entitlements.format(change.field, change.before)}
              {unit} <IconArrowRight size={12} style={{ verticalAlign: "middle" }} aria-hidden />
              <VisuallyHidden> → </VisuallyHidden>
              <Text span fw={700} size="sm">
                {entitlements.format(change.field, change.after)}
                {unit}
              </Text>
              {used}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

/** The Result region: the before → after of a change that passes, or why it cannot be filed. */
export function ChangeResult({
  preview,
  account,
  target,
}: Accounts & { preview: ChangePreview | undefined }) {
  const t = useT();
  const accountError = preview?.errors.accountId ?? preview?.errors.payload;
  return (
    <Paper withBorder radius="md" p="sm" aria-label={t("accounts.change.result")} role="region">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={6}>
        {t("accounts.change.result")}
      </Text>
      {accountError ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} p="xs">
          {accountError}
        </Alert>
      ) : preview?.state === "checked" && preview.plan.ok ? (
        <PreviewRows plan={preview.plan} account={account} target={target} />
      ) : preview?.state === "checked" && !preview.plan.ok ? (
        <Text size="sm" c={ink("red")}>
          {localise(preview.plan.errors[0]?.message ?? "")}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t(preview ? "accounts.change.fillIn" : "accounts.loadingCatalogue")}
        </Text>
      )}
    </Paper>
  );
}
