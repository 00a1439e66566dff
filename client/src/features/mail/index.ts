/** The mail Wattfolio sends: the in-app mailbox, the outbox and the reminder sweep. */
export { refreshMailWhileDelivering } from "./api/refresh.ts";
export { Mailbox } from "./components/mailbox.tsx";
export { Outbox } from "./components/outbox.tsx";
export { SweepButton } from "./components/sweep-button.tsx";
