/** A partner's people: its users, invitations, and who reaches each account. */
export { useInvitation } from "./api/invitation.ts";
export { usePartnerPeople } from "./api/people.ts";
export { AcceptInvitationForm } from "./components/accept-invitation-form.tsx";
export {
  type InvitationAction,
  InvitationList,
  InvitationsTable,
} from "./components/invitations-table.tsx";
export { InviteUserModal } from "./components/invite-user-modal.tsx";
export { UserTypeBadge } from "./components/user-type.tsx";
export { UsersTable } from "./components/users-table.tsx";
export { UsersWithAccessCard } from "./components/users-with-access-card.tsx";
