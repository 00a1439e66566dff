const all = ["catalogue"] as const;

/** What is on offer (the forms) and every entry, retired ones too (Customer Success). */
export const catalogueKeys = {
  all,
  offered: [...all, "offered"] as const,
  entries: [...all, "entries"] as const,
};
