import { Group, Paper, Stack, Text, ThemeIcon, Title, UnstyledButton } from "@mantine/core";
import { IconChevronRight, IconSettings } from "@tabler/icons-react";
import { Link, Navigate } from "react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { AccountList } from "../../features/accounts/index.ts";
import { useMe } from "../../features/auth/index.ts";
import { useT } from "../../lib/i18n.tsx";

/** The SuperAdmin's way into Account management, on top of the home screen. */
function AccountManagementEntry() {
  const t = useT();
  return (
    <UnstyledButton
      component={Link}
      to="/account-management"
      aria-label={t("app.accountManagement")}
    >
      <Paper withBorder radius="md" p="lg" mb="xl" className="entry-card">
        <Group justify="space-between" wrap="nowrap">
          <Group wrap="nowrap">
            <ThemeIcon size={52} radius="md" variant="light">
              <IconSettings size={28} stroke={1.6} />
            </ThemeIcon>
            <Stack gap={2}>
              <Title order={4}>{t("app.accountManagement")}</Title>
              <Text size="sm" c="dimmed">
                {t("app.home.accountManagementText")}
              </Text>
            </Stack>
          </Group>
          <IconChevronRight size={20} color="var(--mantine-color-gray-6)" />
        </Group>
      </Paper>
    </UnstyledButton>
  );
}

export function HomeRoute() {
  const t = useT();
  const me = useMe();
  if (me.role === "customer_success") return <Navigate to="/review" replace />;
  const superAdmin = me.role === "superadmin";
  return (
    <>
      <PageHeader
        title={t("app.home.title")}
        description={
          !superAdmin
            ? t("app.home.descriptionAccountUser")
            : me.partner
              ? t("app.home.descriptionSuperAdmin", { partner: me.partner.name })
              : t("app.home.descriptionSuperAdminNoPartner")
        }
      />
      {superAdmin && <AccountManagementEntry />}
      <AccountList />
    </>
  );
}
