import { Alert, Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconDevices, IconLogout } from "@tabler/icons-react";
import { LoadingState } from "../../../components/loading-state.tsx";
import { useFormat } from "../../../lib/format.ts";
import { useT } from "../../../lib/i18n.tsx";
import { useSessions, useSignOutOtherSessions } from "../api/sessions.ts";

/** Where one is signed in, this browser first, and a way to end all the others. */
export function SessionsList() {
  const t = useT();
  const format = useFormat();
  const sessions = useSessions();
  const signOutOthers = useSignOutOtherSessions();
  if (sessions.isPending) return <LoadingState label={t("profile.sessions.loading")} />;
  if (sessions.isError) {
    return (
      <Alert color="red" role="alert" title={t("profile.sessions.couldNotLoad")}>
        {sessions.error.message}
      </Alert>
    );
  }
  const items = [...sessions.data.items].sort((a, b) => Number(b.current) - Number(a.current));
  const others = items.filter((session) => !session.current).length;

  return (
    <Stack gap="sm">
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
        {items.map((session) => (
          <Paper component="li" key={session.id} withBorder radius="md" p="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Group gap="sm" wrap="nowrap">
                <IconDevices size={20} aria-hidden />
                <Stack gap={0}>
                  <Text fw={600} size="sm">
                    {session.client}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {t("profile.sessions.times", {
                      address: session.address ?? t("profile.sessions.unknownAddress"),
                      signedIn: format.dateTime(session.signedInAt),
                      lastActive: format.dateTime(session.lastActiveAt),
                    })}
                  </Text>
                </Stack>
              </Group>
              {session.current && (
                <Badge color="teal" variant="light">
                  {t("profile.sessions.thisBrowser")}
                </Badge>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      <Group justify="flex-end">
        <Button
          variant="light"
          color="red"
          leftSection={<IconLogout size={16} />}
          disabled={others === 0}
          loading={signOutOthers.isPending}
          onClick={() =>
            signOutOthers.mutate(undefined, {
              onSuccess: ({ ended }) =>
                notifications.show({
                  color: "green",
                  message: t("profile.sessions.ended", { count: ended }),
                }),
            })
          }
        >
          {t("profile.sessions.signOutOthers")}
        </Button>
      </Group>
    </Stack>
  );
}
