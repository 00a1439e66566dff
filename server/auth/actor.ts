/**
 * Who is asking. Every route starts by requiring the kind of actor it serves; the partner scope of
 * a partner user is then the one predicate every query of that route filters by.
 */
import type { FastifyRequest } from "fastify";
import { Problem } from "../http/problems.ts";

export interface CustomerSuccessActor {
  kind: "customer_success";
  userId: string;
  name: string;
  email: string;
}

export interface PartnerUserActor {
  kind: "partner_user";
  userId: string;
  name: string;
  email: string;
  partnerId: string;
  isSuperAdmin: boolean;
  /** The partner's time zone, in which its accounts' days begin and end. */
  timeZone: string;
}

export type Actor = CustomerSuccessActor | PartnerUserActor;

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new Problem("UNAUTHENTICATED", "Sign in to use this.");
  return request.actor;
}

export function requirePartnerUser(request: FastifyRequest): PartnerUserActor {
  const actor = requireActor(request);
  if (actor.kind !== "partner_user") {
    throw new Problem("FORBIDDEN", "This is for users of a partner's portfolio.");
  }
  return actor;
}

export function requireSuperAdmin(request: FastifyRequest): PartnerUserActor {
  const actor = requireActor(request);
  if (actor.kind !== "partner_user" || !actor.isSuperAdmin) {
    throw new Problem("FORBIDDEN", "Account management needs SuperAdmin permissions.");
  }
  return actor;
}

export function requireCustomerSuccess(request: FastifyRequest): CustomerSuccessActor {
  const actor = requireActor(request);
  if (actor.kind !== "customer_success") {
    throw new Problem("FORBIDDEN", "Only the Customer Success team can do this.");
  }
  return actor;
}

/**
 * Route hooks that check access before the request body is even validated, so an anonymous or
 * unauthorised caller learns nothing from validation messages.
 */
export const access = {
  signedIn: async (request: FastifyRequest) => void requireActor(request),
  partnerUser: async (request: FastifyRequest) => void requirePartnerUser(request),
  superAdmin: async (request: FastifyRequest) => void requireSuperAdmin(request),
  customerSuccess: async (request: FastifyRequest) => void requireCustomerSuccess(request),
};
