import { AppShell, Button, Container, Group, UnstyledButton } from "@mantine/core";
import { IconPlugConnectedX } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useDeferredValue, useEffect } from "react";
import { Link, Outlet, ScrollRestoration } from "react-router";
import { LoadingState } from "../components/loading-state.tsx";
import { MessagePage } from "../components/message-page.tsx";
import { SkipLink } from "../components/skip-link.tsx";
import { meQueryOptions } from "../features/auth/index.ts";
import { TestClockControl } from "../features/test-clock/index.ts";
import { ApiError } from "../lib/api.ts";
import { useLanguage, useT } from "../lib/i18n.tsx";
import { Logo } from "./logo.tsx";
import { UserMenu } from "./user-menu.tsx";

const WIDTH = 1320;

/** The signed-in frame: header with the app name and the user menu, then the page. */
export function AppLayout() {
  const t = useT();
  const { setLanguage } = useLanguage();
  const me = useQuery(meQueryOptions());
  const profileLanguage = me.data?.language;

  // A signed-in user sees Wattfolio in their profile's language, whatever this browser had before.
  useEffect(() => {
    if (profileLanguage) setLanguage(profileLanguage);
  }, [profileLanguage, setLanguage]);

  // The frame and its page render in the background once the user is known, in slices a slow
  // phone can interrupt; the loading state stays on screen until they are ready.
  const loaded = useDeferredValue(!me.isPending);

  if (!loaded || me.isPending || (me.error instanceof ApiError && me.error.status === 401)) {
    // A lost session is already on its way to the login page.
    return <LoadingState label={t("app.layout.opening")} />;
  }
  if (me.isError) {
    return (
      <MessagePage
        icon={<IconPlugConnectedX size={32} />}
        title={t("app.layout.couldNotStart")}
        text={me.error.message}
        action={<Button onClick={() => void me.refetch()}>{t("common.tryAgain")}</Button>}
      />
    );
  }

  return (
    <AppShell header={{ height: 64 }} padding={0}>
      <SkipLink target="main-content" />
      <AppShell.Header>
        <Container size={WIDTH} px="lg" h="100%">
          <Group h="100%" justify="space-between">
            <UnstyledButton component={Link} to="/" aria-label={t("app.layout.home")}>
              <Logo compact />
            </UnstyledButton>
            <Group gap="md" wrap="nowrap">
              <TestClockControl />
              <UserMenu />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main id="main-content" tabIndex={-1} bg="gray.0" mih="100vh">
        <Container size={WIDTH} py="xl" px="lg">
          <Outlet />
        </Container>
        <ScrollRestoration />
      </AppShell.Main>
    </AppShell>
  );
}
