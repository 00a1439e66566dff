/** Who is signed in: the session, the signed-in user, and the login form. */
export { meQueryOptions, useMe } from "./api/me.ts";
export { useSignOut } from "./api/sign-out.ts";
export { LoginForm } from "./components/login-form.tsx";
