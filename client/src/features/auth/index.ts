/** Who is signed in: the session, the signed-in user, the login form and the password reset. */
export { meQueryOptions, signedInUserOfPage, useMe } from "./api/me.ts";
export { useSignOut } from "./api/sign-out.ts";
export { ForgotPasswordForm } from "./components/forgot-password-form.tsx";
export { LoginForm } from "./components/login-form.tsx";
export { ResetPasswordForm } from "./components/reset-password-form.tsx";
