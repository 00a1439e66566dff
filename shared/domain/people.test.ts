import { describe, expect, it } from "vitest";
import { fixedClock } from "./clock.ts";
import {
  INVITATION_VALID_DAYS,
  type Invitee,
  type Inviter,
  invitationExpiry,
  invitationState,
  mayInvite,
  refusalOfUserChange,
  USER_TYPES,
  type UserChange,
} from "./people.ts";

describe("who may invite whom", () => {
  const superAdmin: Inviter = { kind: "partner_user", partnerId: "p1", isSuperAdmin: true };
  const accountUser: Inviter = { kind: "partner_user", partnerId: "p1", isSuperAdmin: false };
  const customerSuccess: Inviter = { kind: "customer_success" };
  const staff: Invitee = { partnerId: null, userType: null };
  const ownUser = (userType: (typeof USER_TYPES)[number]): Invitee => ({
    partnerId: "p1",
    userType,
  });
  const otherPartnersUser: Invitee = { partnerId: "p2", userType: "super_admin" };

  it.each(USER_TYPES)("a SuperAdmin invites its own partner's %s", (type) => {
    expect(mayInvite(superAdmin, ownUser(type))).toBe(true);
  });

  it("a SuperAdmin invites neither another partner's users nor staff", () => {
    expect(mayInvite(superAdmin, otherPartnersUser)).toBe(false);
    expect(mayInvite(superAdmin, { partnerId: "p2", userType: "client" })).toBe(false);
    expect(mayInvite(superAdmin, staff)).toBe(false);
  });

  it.each(USER_TYPES)("an account user invites nobody, not even a %s of its partner", (type) => {
    expect(mayInvite(accountUser, ownUser(type))).toBe(false);
    expect(mayInvite(accountUser, staff)).toBe(false);
  });

  it("Customer Success invites staff and any partner's users, such as its first SuperAdmin", () => {
    expect(mayInvite(customerSuccess, staff)).toBe(true);
    expect(mayInvite(customerSuccess, otherPartnersUser)).toBe(true);
    for (const type of USER_TYPES) expect(mayInvite(customerSuccess, ownUser(type))).toBe(true);
  });

  it("the operator at the command line invites the first Customer Success user", () => {
    expect(mayInvite(null, staff)).toBe(true);
  });
});

describe("changes to a partner's users", () => {
  const check = (change: UserChange, activeSuperAdminIds: string[], target = "a", actorId = "b") =>
    refusalOfUserChange({ actorId, target: { id: target }, activeSuperAdminIds, change });

  it.each(USER_TYPES.filter((type) => type !== "super_admin"))(
    "the last active SuperAdmin cannot be made %s",
    (type) => {
      expect(check({ kind: "type", to: type }, ["a"])).toBe("last_super_admin");
    },
  );

  it("the last active SuperAdmin cannot be deactivated", () => {
    expect(check({ kind: "deactivate" }, ["a"])).toBe("last_super_admin");
  });

  it("the last SuperAdmin may stay a SuperAdmin", () => {
    expect(check({ kind: "type", to: "super_admin" }, ["a"])).toBeNull();
  });

  it("a SuperAdmin with another active SuperAdmin beside it may be demoted or deactivated", () => {
    expect(check({ kind: "type", to: "client" }, ["a", "b"])).toBeNull();
    expect(check({ kind: "deactivate" }, ["a", "b"])).toBeNull();
  });

  it("a SuperAdmin may demote itself while another one remains", () => {
    expect(check({ kind: "type", to: "admin" }, ["a", "b"], "a", "a")).toBeNull();
    expect(check({ kind: "type", to: "admin" }, ["a"], "a", "a")).toBe("last_super_admin");
  });

  it("an account-level user may be changed or deactivated, whatever the SuperAdmins", () => {
    expect(check({ kind: "type", to: "super_admin" }, ["b"])).toBeNull();
    expect(check({ kind: "type", to: "demo" }, ["b"])).toBeNull();
    expect(check({ kind: "deactivate" }, ["b"])).toBeNull();
  });

  it("nobody deactivates themselves", () => {
    expect(check({ kind: "deactivate" }, ["a", "b"], "a", "a")).toBe("own_deactivation");
    expect(check({ kind: "deactivate" }, ["b"], "a", "a")).toBe("own_deactivation");
  });
});

describe("an invitation's link", () => {
  const sentAt = "2026-03-15T10:00:00Z";
  const expiresAt = invitationExpiry(fixedClock(sentAt));
  const at = (iso: string) => new Date(iso);
  const fresh = { acceptedAt: null, revokedAt: null, expiresAt };

  it(`works for ${INVITATION_VALID_DAYS} days from sending`, () => {
    expect(expiresAt.toISOString()).toBe("2026-03-22T10:00:00.000Z");
    expect(invitationState(fresh, at(sentAt))).toBe("open");
    expect(invitationState(fresh, at("2026-03-22T09:59:59.999Z"))).toBe("open");
  });

  it("has expired from that moment on", () => {
    expect(invitationState(fresh, at("2026-03-22T10:00:00Z"))).toBe("expired");
    expect(invitationState(fresh, at("2027-01-01T00:00:00Z"))).toBe("expired");
  });

  it("is used up once accepted, and dead once revoked, expired or not", () => {
    const accepted = { ...fresh, acceptedAt: at("2026-03-16T10:00:00Z") };
    const revoked = { ...fresh, revokedAt: at("2026-03-16T10:00:00Z") };
    expect(invitationState(accepted, at(sentAt))).toBe("accepted");
    expect(invitationState(revoked, at(sentAt))).toBe("revoked");
    expect(invitationState(revoked, at("2027-01-01T00:00:00Z"))).toBe("revoked");
  });
});
