export const APPLICATION_STATUSES = ["pending", "approved", "rejected", "withdrawn"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_KINDS = [
  "new_account",
  "edit_datapoints",
  "move_datapoints",
  "edit_licence",
  "upgrade_meters",
  "buy_sms_credits",
  "renew_subscription",
] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
/** Kinds that change an existing account (all but a new account). */
export type ChangeKind = Exclude<ApplicationKind, "new_account">;

export const APPLICATION_KIND_LABELS: Record<ApplicationKind, string> = {
  new_account: "New account",
  edit_datapoints: "Edit datapoints",
  move_datapoints: "Move datapoints",
  edit_licence: "Edit licence",
  upgrade_meters: "Upgrade meters",
  buy_sms_credits: "Buy SMS credits",
  renew_subscription: "Renew subscription",
};

/** A decision is final: only a pending application can be approved, rejected or withdrawn. */
export function isOpen(status: ApplicationStatus): boolean {
  return status === "pending";
}
