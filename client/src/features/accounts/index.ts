/** The accounts a user may see: the home list and an account's page with its history. */
export { useAccount } from "./api/account.ts";
export { accountKeys } from "./api/keys.ts";
export { AccountDetails } from "./components/account-details.tsx";
export { AccountList } from "./components/account-list.tsx";
