/** The signed-in user. */
export const authKeys = {
  me: ["me"] as const,
};
