/** Keys the rest of the platform uses to call the usage API. */
export { ApiKeysTable, type KeyStatusFilter } from "./components/api-keys-table.tsx";
export { CreateApiKeyModal } from "./components/create-api-key-modal.tsx";
