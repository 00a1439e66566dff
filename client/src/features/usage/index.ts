/** What the platform uses of an account's entitlements, and the datapoints it registered. */
export { DatapointsSection } from "./components/datapoints-section.tsx";
export { UsageCard } from "./components/usage-card.tsx";
export { UsageHistoryCard } from "./components/usage-history-card.tsx";
