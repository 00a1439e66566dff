import { z } from "zod";

export const catalogue = z
  .object({
    licences: z.array(
      z.object({ id: z.uuid(), code: z.string(), name: z.string(), description: z.string() }),
    ),
    billManagementTypes: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
    sectors: z.array(z.object({ code: z.string(), name: z.string() })),
  })
  .meta({ id: "Catalogue" });

export type Catalogue = z.infer<typeof catalogue>;
