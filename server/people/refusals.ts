/** The refusals of the role rules (shared/domain/people.ts), as the API words them. */
import type { UserChangeRefusal } from "../../shared/domain/people.ts";
import { Problem } from "../errors.ts";

export function refusal(reason: UserChangeRefusal): Problem {
  switch (reason) {
    case "last_super_admin":
      return new Problem(
        "LAST_SUPER_ADMIN",
        "This is the partner's last active SuperAdmin. Make another user SuperAdmin first.",
      );
    case "own_deactivation":
      return new Problem("FORBIDDEN", "You cannot deactivate yourself; another SuperAdmin can.");
  }
}
