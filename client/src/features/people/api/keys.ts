const all = ["people"] as const;

/** The Users page, each account's users with access, and an invitation link. */
export const peopleKeys = {
  all,
  partner: () => [...all, "partner"] as const,
  accountUsers: (accountId: string) => [...all, "account", accountId] as const,
  invitation: (token: string) => ["invitation", token] as const,
};
