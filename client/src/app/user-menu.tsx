import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Me } from "@shared/api/me.ts";
import { LANGUAGE_NAMES, LANGUAGES, type Language } from "@shared/domain/languages.ts";
import {
  IconApi,
  IconBooks,
  IconBuildingStore,
  IconCheck,
  IconChevronDown,
  IconClipboardCheck,
  IconHome,
  IconKey,
  IconLanguage,
  IconLogout,
  IconMail,
  IconRosetteDiscountCheck,
  IconSettings,
  IconShieldLock,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
  IconWebhook,
} from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { FormattedMessage } from "react-intl";
import { Link } from "react-router";
import { useMe, useSignOut } from "../features/auth/index.ts";
import { useUpdateProfile } from "../features/profile/index.ts";
import { type Translate, useLanguage, useT } from "../lib/i18n.tsx";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join("");
}

function roleLabel(t: Translate, me: Me): string {
  switch (me.role) {
    case "customer_success":
      return t("app.userMenu.role.customerSuccess");
    case "superadmin":
      return t("app.userMenu.role.superAdmin", { partner: me.partner?.name ?? "" });
    case "account_user":
      return me.partner?.name ?? "";
  }
}

const icon = { size: 16, stroke: 1.6 };

/**
 * The language switch: the app changes at once, and the profile keeps the choice (the server writes
 * application summaries and e-mails in it, so every answer is read again). If the profile cannot be
 * saved, the app stays in the chosen language and says so.
 */
function useChooseLanguage(): (language: Language) => void {
  const me = useMe();
  const { setLanguage } = useLanguage();
  const queryClient = useQueryClient();
  const update = useUpdateProfile();
  return (language) => {
    setLanguage(language);
    update.mutate(
      { name: me.name, language },
      {
        onSuccess: () => void queryClient.invalidateQueries(),
        onError: (error) =>
          notifications.show({
            color: "red",
            // Rendered, not written now: in the language just chosen.
            title: <FormattedMessage id="app.language.notSaved" />,
            message: error.message,
          }),
      },
    );
  };
}

/** The top-right menu: who is signed in, where they can go, their language, and signing out. */
export function UserMenu() {
  const t = useT();
  const me = useMe();
  const signOut = useSignOut();
  const { language } = useLanguage();
  const chooseLanguage = useChooseLanguage();
  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t("app.userMenu.label")}
          px="xs"
          py={4}
          style={{ borderRadius: 8 }}
        >
          <Group gap="sm" wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={36}>
              {initials(me.name)}
            </Avatar>
            <Stack gap={0} visibleFrom="sm">
              <Text size="sm" fw={600} lh={1.2}>
                {me.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {roleLabel(t, me)}
              </Text>
            </Stack>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item component={Link} to="/profile" leftSection={<IconUserCircle {...icon} />}>
          {t("profile.title")}
        </Menu.Item>
        {me.role !== "customer_success" && (
          <Menu.Item component={Link} to="/" leftSection={<IconHome {...icon} />}>
            {t("app.home.title")}
          </Menu.Item>
        )}
        {me.role === "superadmin" && (
          <Menu.Item
            component={Link}
            to="/account-management"
            leftSection={<IconSettings {...icon} />}
          >
            {t("app.accountManagement")}
          </Menu.Item>
        )}
        {me.role === "superadmin" && (
          <Menu.Item component={Link} to="/users" leftSection={<IconUsers {...icon} />}>
            {t("app.userMenu.users")}
          </Menu.Item>
        )}
        {me.role === "customer_success" && (
          <Menu.Item component={Link} to="/review" leftSection={<IconClipboardCheck {...icon} />}>
            {t("app.userMenu.reviewQueue")}
          </Menu.Item>
        )}
        {me.role === "customer_success" && (
          <Menu.Item
            component={Link}
            to="/review/auto-approval-rules"
            leftSection={<IconRosetteDiscountCheck {...icon} />}
          >
            {t("app.userMenu.autoApprovalRules")}
          </Menu.Item>
        )}
        {me.role === "customer_success" && (
          <Menu.Item component={Link} to="/mailbox" leftSection={<IconMail {...icon} />}>
            {t("app.userMenu.mailbox")}
          </Menu.Item>
        )}
        {me.role === "customer_success" && (
          <>
            <Menu.Divider />
            <Menu.Label>{t("app.userMenu.staffArea")}</Menu.Label>
            <Menu.Item
              component={Link}
              to="/staff/partners"
              leftSection={<IconBuildingStore {...icon} />}
            >
              {t("app.userMenu.partners")}
            </Menu.Item>
            <Menu.Item component={Link} to="/staff/team" leftSection={<IconUsersGroup {...icon} />}>
              {t("app.userMenu.team")}
            </Menu.Item>
            <Menu.Item component={Link} to="/staff/catalogue" leftSection={<IconBooks {...icon} />}>
              {t("app.userMenu.licenceCatalogue")}
            </Menu.Item>
            <Menu.Divider />
          </>
        )}
        {me.role !== "account_user" && (
          <Menu.Item component={Link} to="/api-keys" leftSection={<IconKey {...icon} />}>
            {t("app.userMenu.apiKeys")}
          </Menu.Item>
        )}
        {me.role !== "account_user" && (
          <Menu.Item component={Link} to="/webhooks" leftSection={<IconWebhook {...icon} />}>
            {t("webhooks.title")}
          </Menu.Item>
        )}
        {me.role !== "account_user" && (
          <Menu.Item component={Link} to="/security-log" leftSection={<IconShieldLock {...icon} />}>
            {t("app.userMenu.securityLog")}
          </Menu.Item>
        )}
        <Menu.Item
          component="a"
          href="/api/docs"
          target="_blank"
          rel="noopener"
          leftSection={<IconApi {...icon} />}
        >
          {t("app.userMenu.apiReference")}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>
          <Group gap={6} wrap="nowrap">
            <IconLanguage size={14} stroke={1.6} aria-hidden />
            {t("app.language")}
          </Group>
        </Menu.Label>
        {LANGUAGES.map((option) => (
          <Menu.Item
            key={option}
            lang={option}
            aria-current={option === language ? "true" : undefined}
            leftSection={
              option === language ? (
                <IconCheck {...icon} aria-hidden />
              ) : (
                <span style={{ display: "inline-block", width: icon.size }} />
              )
            }
            onClick={() => {
              if (option !== language) chooseLanguage(option);
            }}
          >
            {LANGUAGE_NAMES[option]}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout {...icon} />}
          onClick={() => signOut.mutate()}
        >
          {t("app.userMenu.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
