/** Webhook endpoints: where partners' systems and the platform receive events. */

export { useWebhookEndpoint } from "./api/webhooks.ts";
export { DELIVERIES_PAGE_SIZE, DeliveriesTable } from "./components/deliveries-table.tsx";
export { EndpointFormModal } from "./components/endpoint-form-modal.tsx";
export { EndpointList } from "./components/endpoint-list.tsx";
