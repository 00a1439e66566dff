/** Partners as Customer Success keeps them: the list, each partner's page, and their changes. */
export {
  useChangePartner,
  useCreatePartner,
  useInviteSuperAdmin,
  usePartner,
  usePartners,
  useSuspension,
} from "./api/partners.ts";
export { PartnerFormModal } from "./components/partner-form-modal.tsx";
export { PartnerOverview } from "./components/partner-overview.tsx";
export { PartnerStatusBadge } from "./components/partner-status-badge.tsx";
export { PartnersTable } from "./components/partners-table.tsx";
