/**
 * Who is asking. Every route states the kind of caller it serves; the partner scope of a partner
 * user is then the one predicate every query of that route filters by (./scope.ts).
 */
import type { ApiKeyScope } from "../../shared/domain/api-keys.ts";
import type { Language } from "../../shared/domain/languages.ts";
import { Problem } from "../errors.ts";

export interface CustomerSuccessActor {
  kind: "customer_success";
  userId: string;
  name: string;
  email: string;
  /** The language the person reads: of the web app, of summaries the API writes, of e-mails. */
  language: Language;
}

export interface PartnerUserActor {
  kind: "partner_user";
  userId: string;
  name: string;
  email: string;
  language: Language;
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

/**
 * Who may call a route: a check that hands the route its caller as the type it needs, or refuses.
 * Routes state theirs once, with `guarded` (./guarded-route.ts).
 */
export type Callers<A extends Caller | null> = (caller: Caller | null) => A;

const anyCaller: Callers<Caller> = (caller) => {
  if (!caller) throw new Problem("UNAUTHENTICATED", "Sign in to use this.");
  return caller;
};

/** Every route but the usage API is for people, and refuses API keys. */
const person: Callers<Actor | null> = (caller) => {
  if (caller?.kind === "integration") {
    throw new Problem("FORBIDDEN", "API keys reach only the usage API.");
  }
  return caller;
};

const signedIn: Callers<Actor> = (caller) => {
  const actor = person(anyCaller(caller));
  if (!actor) throw new Error("unreachable: anyCaller refuses no caller");
  return actor;
};

export const callers = {
  /**
   * A person, signed in or not: an invitation link is opened before its recipient has an account.
   * API keys still reach only the usage API.
   */
  anyone: person,
  /** A person or an integration: the usage API's reading routes. */
  anyCaller,
  signedIn,
  integration: (caller: Caller | null): IntegrationActor => {
    const found = anyCaller(caller);
    if (found.kind !== "integration") {
      throw new Problem("FORBIDDEN", "This is for integrations, with an API key.");
    }
    return found;
  },
  /** Datapoints are registered and released by integrations, and by SuperAdmins importing a list. */
  datapointRegistrar: (caller: Caller | null): IntegrationActor | PartnerUserActor => {
    const found = anyCaller(caller);
    if (found.kind === "integration") return found;
    if (found.kind === "partner_user" && found.isSuperAdmin) return found;
    throw new Problem(
      "FORBIDDEN",
      "Registering datapoints needs an API key or SuperAdmin permissions.",
    );
  },
  partnerUser: (caller: Caller | null): PartnerUserActor => {
    const actor = signedIn(caller);
    if (actor.kind !== "partner_user") {
      throw new Problem("FORBIDDEN", "This is for users of a partner's portfolio.");
    }
    return actor;
  },
  superAdmin: (caller: Caller | null): PartnerUserActor => {
    const actor = signedIn(caller);
    if (actor.kind !== "partner_user" || !actor.isSuperAdmin) {
      throw new Problem("FORBIDDEN", "Account management needs SuperAdmin permissions.");
    }
    return actor;
  },
  customerSuccess: (caller: Caller | null): CustomerSuccessActor => {
    const actor = signedIn(caller);
    if (actor.kind !== "customer_success") {
      throw new Problem("FORBIDDEN", "Only the Customer Success team can do this.");
    }
    return actor;
  },
  /** API keys are managed by SuperAdmins (their partner's) and Customer Success (platform-wide). */
  keyManager: (caller: Caller | null): Actor => {
    const actor = signedIn(caller);
    if (actor.kind === "partner_user" && !actor.isSuperAdmin) {
      throw new Problem("FORBIDDEN", "API keys are managed by SuperAdmins.");
    }
    return actor;
  },
  /** Webhook endpoints are managed by SuperAdmins (their partner's) and Customer Success (all). */
  webhookManager: (caller: Caller | null): Actor => {
    const actor = signedIn(caller);
    if (actor.kind === "partner_user" && !actor.isSuperAdmin) {
      throw new Problem("FORBIDDEN", "Webhooks are managed by SuperAdmins.");
    }
    return actor;
  },
  /** The event feed: SuperAdmins, Customer Success, and integrations within their key's scope. */
  eventReader: (caller: Caller | null): Caller => {
    const found = anyCaller(caller);
    if (found.kind === "partner_user" && !found.isSuperAdmin) {
      throw new Problem("FORBIDDEN", "The event feed needs SuperAdmin permissions or an API key.");
    }
    return found;
  },
} satisfies Record<string, Callers<Caller | null>>;
