/**
 * The Customer Success team keeps itself: its members invite colleagues and deactivate them. The
 * platform always keeps someone who can: nobody deactivates themselves, and the last active member
 * cannot be deactivated.
 */

export type StaffDeactivationRefusal = "own_deactivation" | "last_customer_success_user";

export function refusalOfStaffDeactivation({
  actorId,
  targetId,
  activeStaffIds,
}: {
  actorId: string;
  targetId: string;
  /** The staff who are not deactivated, as locked by the deactivation's transaction. */
  activeStaffIds: readonly string[];
}): StaffDeactivationRefusal | null {
  if (targetId === actorId) return "own_deactivation";
  const othersLeft = activeStaffIds.filter((id) => id !== targetId).length;
  if (activeStaffIds.includes(targetId) && othersLeft === 0) return "last_customer_success_user";
  return null;
}
