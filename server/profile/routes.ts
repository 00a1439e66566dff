import { fromNodeHeaders } from "better-auth/node";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  otherSessionsEnded,
  profile,
  profileUpdate,
  userSessions,
} from "../../shared/api/profile.ts";
import type { Clock } from "../../shared/domain/clock.ts";
import { callers } from "../access/actor.ts";
import { guarded } from "../access/guarded-route.ts";
import type { Auth } from "../auth/better-auth.ts";
import type { SessionLimits } from "../config.ts";
import type { Database } from "../db/client.ts";
import { Problem } from "../errors.ts";
import { changeProfile, findProfile } from "./change-profile.ts";
import { listOwnSessions, signOutOtherSessions } from "./sessions.ts";

export function profileRoutes({
  db,
  clock,
  auth,
  sessionLimits,
}: {
  db: Database;
  clock: Clock;
  auth: Auth;
  sessionLimits: SessionLimits;
}): FastifyPluginAsyncZod {
  /** The session of this request (the caller is a person with a session cookie). */
  const currentSessionId = async (request: FastifyRequest): Promise<string> => {
    const found = await auth.api.getSession({
      headers: fromNodeHeaders(request.headers),
      query: { disableRefresh: true },
    });
    if (!found) throw new Problem("UNAUTHENTICATED", "Sign in to see your sessions.");
    return found.session.id;
  };

  return async (app) => {
    const route = guarded(app);
    route.get(
      "/me/profile",
      {
        callers: callers.signedIn,
        schema: {
          operationId: "getProfile",
          tags: ["profile"],
          summary: "One's name, e-mail and the language of one's e-mails",
          response: { 200: profile },
        },
      },
      async (_request, _reply, actor) => findProfile(db, actor),
    );

    route.put(
      "/me/profile",
      {
        callers: callers.signedIn,
        schema: {
          operationId: "updateProfile",
          // A user deactivated (and so gone) between signing in and this change.
          errors: ["NOT_FOUND"],
          tags: ["profile"],
          summary: "Change one's name and the language of one's e-mails",
          body: profileUpdate,
          response: { 200: profile },
        },
      },
      async (request, _reply, actor) =>
        changeProfile({
          db,
          actor,
          update: request.body,
          now: clock.now(),
          address: request.ip,
        }),
    );

    route.get(
      "/me/sessions",
      {
        callers: callers.signedIn,
        schema: {
          operationId: "listSessions",
          tags: ["profile"],
          summary: "Where one is signed in: each live session, this one marked current",
          response: { 200: userSessions },
        },
      },
      async (request, _reply, actor) => ({
        items: await listOwnSessions(db, actor, await currentSessionId(request), sessionLimits),
      }),
    );

    route.post(
      "/me/sessions/sign-out-others",
      {
        callers: callers.signedIn,
        schema: {
          operationId: "signOutOtherSessions",
          tags: ["profile"],
          summary: "Sign out every other session of one's own; this one stays",
          response: { 200: otherSessionsEnded },
        },
      },
      async (request, _reply, actor) => ({
        ended: await signOutOtherSessions({
          db,
          actor,
          currentSessionId: await currentSessionId(request),
          now: clock.now(),
          address: request.ip,
        }),
      }),
    );
  };
}
