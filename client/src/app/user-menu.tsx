import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from "@mantine/core";
import type { Me } from "@shared/api/me.ts";
import {
  IconApi,
  IconBooks,
  IconBuildingStore,
  IconChevronDown,
  IconClipboardCheck,
  IconHome,
  IconKey,
  IconLogout,
  IconMail,
  IconRosetteDiscountCheck,
  IconSettings,
  IconShieldLock,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from "@tabler/icons-react";
import { Link } from "react-router";
import { useMe, useSignOut } from "../features/auth/index.ts";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join("");
}

function roleLabel(me: Me): string {
  switch (me.role) {
    case "customer_success":
      return "Customer Success";
    case "superadmin":
      return `SuperAdmin · ${me.partner?.name ?? ""}`;
    case "account_user":
      return me.partner?.name ?? "";
  }
}

const icon = { size: 16, stroke: 1.6 };

/** The top-right menu: who is signed in, where they can go, and signing out. */
export function UserMenu() {
  const me = useMe();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label="User menu" px="xs" py={4} style={{ borderRadius: 8 }}>
          <Group gap="sm" wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={36}>
              {initials(me.name)}
            </Avatar>
            <Stack gap={0} visibleFrom="sm">
              <Text size="sm" fw={600} lh={1.2}>
                {me.name}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {roleLabel(me)}
              </Text>
            </Stack>
            <IconChevronDown size={14} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item component={Link} to="/profile" leftSection={<IconUserCircle {...icon} />}>
          Profile
        </Menu.Item>
        {me.role !== "customer_success" && (
          <Menu.Item component={Link} to="/" leftSection={<IconHome {...icon} />}>
            Your accounts
          </Menu.Item>
        )}
        {me.role === "superadmin" && (
          <Menu.Item
            component={Link}
            to="/account-management"
            leftSection={<IconSettings {...icon} />}
          >
            Account management
          </Menu.Item>
        )}
        {me.role === "superadmin" && (
          <Menu.Item component={Link} to="/users" leftSection={<IconUsers {...icon} />}>
            Users
          </Menu.Item>
        )}
        {me.role === "customer_success" && (
          <Menu.Item component={Link} to="/review" leftSection={<IconClipboardCheck {...icon} />}>
            Review queue
          </Menu.Item>
        )}
        {me.role === "customer_success" && (
          <Menu.Item
            component={Link}
            to="/review/auto-approval-rules"
            leftSection={<IconRosetteDiscountCheck {...icon} />}
          >
            Auto-approval rules
          </Menu.Item>
        )}
        {me.role === "customer_success" && (
          <Menu.Item component={Link} to="/mailbox" leftSection={<IconMail {...icon} />}>
            Mailbox
          </Menu.Item>
        )}
        {me.role === "customer_success" && (
          <>
            <Menu.Divider />
            <Menu.Label>Staff area</Menu.Label>
            <Menu.Item
              component={Link}
              to="/staff/partners"
              leftSection={<IconBuildingStore {...icon} />}
            >
              Partners
            </Menu.Item>
            <Menu.Item component={Link} to="/staff/team" leftSection={<IconUsersGroup {...icon} />}>
              Customer Success team
            </Menu.Item>
            <Menu.Item component={Link} to="/staff/catalogue" leftSection={<IconBooks {...icon} />}>
              Licence catalogue
            </Menu.Item>
            <Menu.Divider />
          </>
        )}
        {me.role !== "account_user" && (
          <Menu.Item component={Link} to="/api-keys" leftSection={<IconKey {...icon} />}>
            API keys
          </Menu.Item>
        )}
        {me.role !== "account_user" && (
          <Menu.Item component={Link} to="/security-log" leftSection={<IconShieldLock {...icon} />}>
            Security log
          </Menu.Item>
        )}
        <Menu.Item
          component="a"
          href="/api/docs"
          target="_blank"
          rel="noopener"
          leftSection={<IconApi {...icon} />}
        >
          API reference
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout {...icon} />}
          onClick={() => signOut.mutate()}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
