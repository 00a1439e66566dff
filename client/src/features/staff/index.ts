/** The Customer Success team, kept by its own members. */
export { useAnyInvitationActions } from "./api/invitations.ts";
export { useInviteColleague } from "./api/staff.ts";
export { StaffList } from "./components/staff-list.tsx";
