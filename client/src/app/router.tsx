import { Button } from "@mantine/core";
import { IconBug } from "@tabler/icons-react";
import { createBrowserRouter } from "react-router";
import { MessagePage } from "../components/message-page.tsx";
import { useT } from "../lib/i18n.tsx";
import { AppLayout } from "./layout.tsx";
import { RequireRole } from "./require-role.tsx";
import { AccountRoute } from "./routes/account.tsx";
import { AccountManagementRoute } from "./routes/account-management.tsx";
import { ApiKeysRoute } from "./routes/api-keys.tsx";
import { AutoApprovalRulesRoute } from "./routes/auto-approval-rules.tsx";
import { ForgotPasswordRoute } from "./routes/forgot-password.tsx";
import { HomeRoute } from "./routes/home.tsx";
import { InvitationRoute } from "./routes/invitation.tsx";
import { LicenceCatalogueRoute } from "./routes/licence-catalogue.tsx";
import { LoginRoute } from "./routes/login.tsx";
import { MailboxRoute } from "./routes/mailbox.tsx";
import { NewAccountRoute } from "./routes/new-account.tsx";
import { NotFoundRoute } from "./routes/not-found.tsx";
import { PartnerRoute } from "./routes/partner.tsx";
import { PartnersRoute } from "./routes/partners.tsx";
import { ProfileRoute } from "./routes/profile.tsx";
import { ResetPasswordRoute } from "./routes/reset-password.tsx";
import { ReviewApplicationRoute } from "./routes/review-application.tsx";
import { ReviewQueueRoute } from "./routes/review-queue.tsx";
import { SecurityLogRoute } from "./routes/security-log.tsx";
import { StaffRoute } from "./routes/staff.tsx";
import { UsersRoute } from "./routes/users.tsx";
import { WebhookDeliveriesRoute } from "./routes/webhook-deliveries.tsx";
import { WebhooksRoute } from "./routes/webhooks.tsx";

function CrashPage() {
  const t = useT();
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

export const router = createBrowserRouter([
  { path: "/login", element: <LoginRoute /> },
  { path: "/invitations/:token", element: <InvitationRoute /> },
  { path: "/forgot-password", element: <ForgotPasswordRoute /> },
  { path: "/reset-password", element: <ResetPasswordRoute /> },
  {
    element: <AppLayout />,
    errorElement: <CrashPage />,
    children: [
      { index: true, element: <HomeRoute /> },
      {
        path: "account-management",
        element: (
          <RequireRole only="superadmin">
            <AccountManagementRoute />
          </RequireRole>
        ),
      },
      {
        path: "account-management/new",
        element: (
          <RequireRole only="superadmin">
            <NewAccountRoute />
          </RequireRole>
        ),
      },
      {
        path: "review",
        element: (
          <RequireRole only="customer_success">
            <ReviewQueueRoute />
          </RequireRole>
        ),
      },
      {
        path: "review/auto-approval-rules",
        element: (
          <RequireRole only="customer_success">
            <AutoApprovalRulesRoute />
          </RequireRole>
        ),
      },
      {
        path: "review/:id",
        element: (
          <RequireRole only="customer_success">
            <ReviewApplicationRoute />
          </RequireRole>
        ),
      },
      {
        path: "mailbox",
        element: (
          <RequireRole only="customer_success">
            <MailboxRoute />
          </RequireRole>
        ),
      },
      {
        path: "webhooks",
        element: (
          <RequireRole only={["superadmin", "customer_success"]}>
            <WebhooksRoute />
          </RequireRole>
        ),
      },
      {
        path: "webhooks/:id",
        element: (
          <RequireRole only={["superadmin", "customer_success"]}>
            <WebhookDeliveriesRoute />
          </RequireRole>
        ),
      },
      {
        path: "api-keys",
        element: (
          <RequireRole only={["superadmin", "customer_success"]}>
            <ApiKeysRoute />
          </RequireRole>
        ),
      },
      {
        path: "staff/partners",
        element: (
          <RequireRole only="customer_success">
            <PartnersRoute />
          </RequireRole>
        ),
      },
      {
        path: "staff/partners/:id",
        element: (
          <RequireRole only="customer_success">
            <PartnerRoute />
          </RequireRole>
        ),
      },
      {
        path: "staff/team",
        element: (
          <RequireRole only="customer_success">
            <StaffRoute />
          </RequireRole>
        ),
      },
      {
        path: "staff/catalogue",
        element: (
          <RequireRole only="customer_success">
            <LicenceCatalogueRoute />
          </RequireRole>
        ),
      },
      { path: "profile", element: <ProfileRoute /> },
      {
        path: "security-log",
        element: (
          <RequireRole only={["superadmin", "customer_success"]}>
            <SecurityLogRoute />
          </RequireRole>
        ),
      },
      {
        path: "users",
        element: (
          <RequireRole only="superadmin">
            <UsersRoute />
          </RequireRole>
        ),
      },
      { path: "accounts/:id", element: <AccountRoute /> },
      { path: "*", element: <NotFoundRoute /> },
    ],
  },
]);
