const all = ["profile"] as const;

/** One's own profile and sessions. */
export const profileKeys = {
  all,
  profile: [...all, "profile"] as const,
  sessions: [...all, "sessions"] as const,
};
