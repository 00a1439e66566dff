import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./app/styles.css";
import { type CSSVariablesResolver, MantineProvider } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, startTransition, useMemo } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { router } from "./app/router.tsx";
import { themeIn } from "./app/theme.ts";
import { browserLanguage, LanguageProvider, loadMessages, useT } from "./lib/i18n.tsx";
import { queryClient } from "./lib/query-client.ts";

const root = document.getElementById("root");
if (!root) throw new Error("The page has no #root element");

// Mantine's dimmed grey (#868e96) reads at 3.2:1 on white: below WCAG AA for the secondary text it is.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "#5f6670" },
  dark: {},
});

/** Mantine's own words (a dialog's Close) follow the language too. */
function App() {
  const t = useT();
  const theme = useMemo(() => themeIn(t), [t]);
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="light"
      cssVariablesResolver={cssVariablesResolver}
    >
      {/* Mantine's 440 px would widen a phone's page past its screen. */}
      <Notifications position="top-right" containerWidth="min(440px, calc(100vw - 32px))" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}

/**
 * The router has its first page's code (and the signed-in layout's): the app then shows that page
 * at once, rather than a loading state a phone would paint and then replace in one long task.
 */
function firstPageReady(): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) return resolve();
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
}

// Not a top-level await: the pages bundled with this module must be defined before the first one
// renders, and an await here would pause the bundle before them.
void Promise.all([loadMessages(browserLanguage()), firstPageReady()]).then(() => {
  const app = createRoot(root);
  // As a transition React renders the first page in slices, letting the browser answer between
  // them: at once, a phone's main thread was blocked for 300–400 ms by one task.
  startTransition(() =>
    app.render(
      <StrictMode>
        <LanguageProvider>
          <App />
        </LanguageProvider>
      </StrictMode>,
    ),
  );
});
