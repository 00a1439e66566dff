import { describe, expect, it } from "vitest";
import { refusalOfStaffDeactivation } from "./staff.ts";

describe("deactivating a Customer Success colleague", () => {
  it("is allowed while another member stays active", () => {
    expect(
      refusalOfStaffDeactivation({ actorId: "a", targetId: "b", activeStaffIds: ["a", "b"] }),
    ).toBeNull();
  });

  it("is refused for oneself", () => {
    expect(
      refusalOfStaffDeactivation({ actorId: "a", targetId: "a", activeStaffIds: ["a", "b"] }),
    ).toBe("own_deactivation");
  });

  it("is refused for the last active member, even when the one asking was deactivated meanwhile", () => {
    expect(refusalOfStaffDeactivation({ actorId: "a", targetId: "b", activeStaffIds: ["b"] })).toBe(
      "last_customer_success_user",
    );
  });

  it("changes nothing, and refuses nothing, for someone already deactivated", () => {
    expect(
      refusalOfStaffDeactivation({ actorId: "a", targetId: "c", activeStaffIds: ["a"] }),
    ).toBeNull();
  });
});
