/** A SuperAdmin's portfolio: the zones, the create form, changes filed as applications. */
export { accountManagementKeys } from "./api/keys.ts";
export { prefetchAccountManagement, zoneOf } from "./api/opening.ts";
export { useZoneAccounts } from "./api/zone-accounts.ts";
export { AccountPendingApplications } from "./components/account-pending-applications.tsx";
export { AccountPicker } from "./components/account-picker.tsx";
export { AccountZones } from "./components/account-zones.tsx";
export { BillingContactEditor } from "./components/billing-contact-editor.tsx";
export { NewAccountForm } from "./components/new-account/new-account-form.tsx";
export { RequestChangeMenu } from "./components/request-change-menu.tsx";
