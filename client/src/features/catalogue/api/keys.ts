/** The catalogue, one query for all of it. */
export const catalogueKeys = {
  all: ["catalogue"] as const,
};
