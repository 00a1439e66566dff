/** One's own profile, password and sessions. */
export { useProfile, useUpdateProfile } from "./api/profile.ts";
export { ChangePasswordForm } from "./components/change-password-form.tsx";
export { ProfileForm } from "./components/profile-form.tsx";
export { SessionsList } from "./components/sessions-list.tsx";
