import { Button } from "@mantine/core";
import type { Me } from "@shared/api/me.ts";
import { IconBug } from "@tabler/icons-react";
import { type ComponentProps, type ComponentType, useEffect } from "react";
import { createBrowserRouter, useRouteError } from "react-router";
import { MessagePage } from "../components/message-page.tsx";
import { prefetchAccountManagement, zoneOf } from "../features/account-management/index.ts";
import { meQueryOptions, signedInUserOfPage } from "../features/auth/index.ts";
import { useT } from "../lib/i18n.tsx";
import { queryClient } from "../lib/query-client.ts";
import { RequireRole } from "./require-role.tsx";

function CrashPage() {
  const t = useT();
  const error = useRouteError();
  // The page says only that something went wrong; the browser's console says what.
  useEffect(() => console.error(error), [error]);
  return (
    <MessagePage
      icon={<IconBug size={32} />}
      title={t("app.somethingWentWrong")}
      text={t("app.crash.text")}
      action={
        <Button mt="sm" onClick={() => window.location.reload()}>
          {t("app.crash.reload")}
        </Button>
      }
    />
  );
}

/**
 * A page loaded when its route is first visited: the sign-in page downloads none of the signed-in
 * pages' code, and each of those only its own. The router fetches it alongside the layout's, and
 * keeps the current page on screen meanwhile.
 */
function page(
  load: () => Promise<ComponentType>,
  only?: ComponentProps<typeof RequireRole>["only"],
) {
  return async () => {
    const Page = await load();
    return {
      element: only ? (
        <RequireRole only={only}>
          <Page />
        </RequireRole>
      ) : (
        <Page />
      ),
    };
  };
}

/**
 * Asks for a page's data as soon as the signed-in user is known (the layout's loader asked for them),
 * alongside the page's code rather than once it has run; only for the role the page is for, since
 * anyone else is refused and shown that the page is not theirs.
 */
function whenSignedInAs(role: Me["role"], prefetch: () => void): void {
  queryClient.fetchQuery(meQueryOptions()).then(
    (me) => me.role === role && prefetch(),
    // The layout shows why the user could not be loaded.
    () => undefined,
  );
}

// The signed-in user the server sent with the page: the app starts with it. Read before the
// router starts, whose first loaders would otherwise ask for it; signing in clears it.
const signedInAtStart = signedInUserOfPage();
if (signedInAtStart) queryClient.setQueryData(meQueryOptions().queryKey, signedInAtStart);

export const router = createBrowserRouter([
  {
    children: [
      { path: "/login", lazy: page(async () => (await import("./routes/login.tsx")).LoginRoute) },
      {
        path: "/invitations/:token",
        lazy: page(async () => (await import("./routes/invitation.tsx")).InvitationRoute),
      },
      {
        path: "/forgot-password",
        lazy: page(async () => (await import("./routes/forgot-password.tsx")).ForgotPasswordRoute),
      },
      {
        path: "/reset-password",
        lazy: page(async () => (await import("./routes/reset-password.tsx")).ResetPasswordRoute),
      },
      {
        // The signed-in user is asked for while the layout's code downloads, not after (unless
        // it came with the page).
        loader: () => {
          void queryClient.prefetchQuery(meQueryOptions());
          return null;
        },
        lazy: async () => ({ Component: (await import("./layout.tsx")).AppLayout }),
        errorElement: <CrashPage />,
        children: [
          { index: true, lazy: page(async () => (await import("./routes/home.tsx")).HomeRoute) },
          {
            path: "account-management",
            loader: ({ request }) => {
              const zone = zoneOf(new URL(request.url).searchParams.get("zone"));
              whenSignedInAs("superadmin", () => prefetchAccountManagement(zone));
              return null;
            },
            // Changing zones is the page's own business: its tabs load what they show.
            shouldRevalidate: ({ currentUrl, nextUrl }) => currentUrl.pathname !== nextUrl.pathname,
            lazy: page(
              async () => (await import("./routes/account-management.tsx")).AccountManagementRoute,
              "superadmin",
            ),
          },
          {
            path: "account-management/new",
            lazy: page(
              async () => (await import("./routes/new-account.tsx")).NewAccountRoute,
              "superadmin",
            ),
          },
          {
            path: "review",
            lazy: page(
              async () => (await import("./routes/review-queue.tsx")).ReviewQueueRoute,
              "customer_success",
            ),
          },
          {
            path: "review/auto-approval-rules",
            lazy: page(
              async () => (await import("./routes/auto-approval-rules.tsx")).AutoApprovalRulesRoute,
              "customer_success",
            ),
          },
          {
            path: "review/:id",
            lazy: page(
              async () => (await import("./routes/review-application.tsx")).ReviewApplicationRoute,
              "customer_success",
            ),
          },
          {
            path: "mailbox",
            lazy: page(
              async () => (await import("./routes/mailbox.tsx")).MailboxRoute,
              "customer_success",
            ),
          },
          {
            path: "webhooks",
            lazy: page(
              async () => (await import("./routes/webhooks.tsx")).WebhooksRoute,
              ["superadmin", "customer_success"],
            ),
          },
          {
            path: "webhooks/:id",
            lazy: page(
              async () => (await import("./routes/webhook-deliveries.tsx")).WebhookDeliveriesRoute,
              ["superadmin", "customer_success"],
            ),
          },
          {
            path: "api-keys",
            lazy: page(
              async () => (await import("./routes/api-keys.tsx")).ApiKeysRoute,
              ["superadmin", "customer_success"],
            ),
          },
          {
            path: "staff/partners",
            lazy: page(
              async () => (await import("./routes/partners.tsx")).PartnersRoute,
              "customer_success",
            ),
          },
          {
            path: "staff/partners/:id",
            lazy: page(
              async () => (await import("./routes/partner.tsx")).PartnerRoute,
              "customer_success",
            ),
          },
          {
            path: "staff/team",
            lazy: page(
              async () => (await import("./routes/staff.tsx")).StaffRoute,
              "customer_success",
            ),
          },
          {
            path: "staff/catalogue",
            lazy: page(
              async () => (await import("./routes/licence-catalogue.tsx")).LicenceCatalogueRoute,
              "customer_success",
            ),
          },
          {
            path: "profile",
            lazy: page(async () => (await import("./routes/profile.tsx")).ProfileRoute),
          },
          {
            path: "security-log",
            lazy: page(
              async () => (await import("./routes/security-log.tsx")).SecurityLogRoute,
              ["superadmin", "customer_success"],
            ),
          },
          {
            path: "users",
            lazy: page(async () => (await import("./routes/users.tsx")).UsersRoute, "superadmin"),
          },
          {
            path: "accounts/:id",
            lazy: page(async () => (await import("./routes/account.tsx")).AccountRoute),
          },
          {
            path: "*",
            lazy: page(async () => (await import("./routes/not-found.tsx")).NotFoundRoute),
          },
        ],
      },
    ],
  },
]);
