/**
 * Who is asking. Every route starts by requiring the kind of actor it serves; the partner scope of
 * a partner user is then the one predicate every query of that route filters by.
 */
import type { FastifyRequest } from "fastify";
import type { ApiKeyScope } from "../../shared/domain/api-keys.ts";
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

/** A person who signed in. */
export type Actor = CustomerSuccessActor | PartnerUserActor;

/** A machine client of the platform, authenticated by an API key; it reaches only the usage API. */
export interface IntegrationActor {
  kind: "integration";
  apiKeyId: string;
  name: string;
  scope: ApiKeyScope;
}

/** Whoever is calling: a person with a session or an integration with an API key. */
export type Caller = Actor | IntegrationActor;

declare module "fastify" {
  interface FastifyRequest {
    actor: Caller | null;
  }
}

export function requireCaller(request: FastifyRequest): Caller {
  if (!request.actor) throw new Problem("UNAUTHENTICATED", "Sign in to use this.");
  return request.actor;
}

/** A person: every route but the usage API is for people, and refuses API keys. */
export function requireActor(request: FastifyRequest): Actor {
  const caller = requireCaller(request);
  if (caller.kind === "integration") {
    throw new Problem("FORBIDDEN", "API keys reach only the usage API.");
  }
  return caller;
}

export function requireIntegration(request: FastifyRequest): IntegrationActor {
  const caller = requireCaller(request);
  if (caller.kind !== "integration") {
    throw new Problem("FORBIDDEN", "This is for integrations, with an API key.");
  }
  return caller;
}

/** Datapoints are registered and released by integrations, and by SuperAdmins importing a list. */
export function requireDatapointRegistrar(
  request: FastifyRequest,
): IntegrationActor | PartnerUserActor {
  const caller = requireCaller(request);
  if (caller.kind === "integration") return caller;
  if (caller.kind === "partner_user" && caller.isSuperAdmin) return caller;
  throw new Problem(
    "FORBIDDEN",
    "Registering datapoints needs an API key or SuperAdmin permissions.",
  );
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

/** API keys are managed by SuperAdmins (their partner's) and Customer Success (platform-wide). */
export function requireKeyManager(request: FastifyRequest): Actor {
  const actor = requireActor(request);
  if (actor.kind === "partner_user" && !actor.isSuperAdmin) {
    throw new Problem("FORBIDDEN", "API keys are managed by SuperAdmins.");
  }
  return actor;
}

/**
 * Route hooks that check access before the request body is even validated, so an anonymous or
 * unauthorised caller learns nothing from validation messages.
 */
export const access = {
  /** A person or an integration: the usage API's reading routes. */
  caller: async (request: FastifyRequest) => void requireCaller(request),
  integration: async (request: FastifyRequest) => void requireIntegration(request),
  datapointRegistrar: async (request: FastifyRequest) => void requireDatapointRegistrar(request),
  signedIn: async (request: FastifyRequest) => void requireActor(request),
  partnerUser: async (request: FastifyRequest) => void requirePartnerUser(request),
  superAdmin: async (request: FastifyRequest) => void requireSuperAdmin(request),
  customerSuccess: async (request: FastifyRequest) => void requireCustomerSuccess(request),
  keyManager: async (request: FastifyRequest) => void requireKeyManager(request),
};
