/** What registering and changing an endpoint both check, and the secrets they hand out. */
import { randomBytes } from "node:crypto";
import { webhookUrlProblem } from "../../shared/domain/webhooks.ts";
import { Problem } from "../errors.ts";

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

const URL_MESSAGES = {
  invalid: "Enter the endpoint's URL, such as https://hooks.example.com/wattfolio",
  https: "Use an https:// address",
  credentials: "Leave the user name and password out of the URL",
} as const;

/** Refuses a URL that cannot be an endpoint here (see `webhookUrlProblem`). */
export function checkEndpointUrl(url: string, allowLocalHttp: boolean): void {
  const problem = webhookUrlProblem(url, allowLocalHttp);
  if (problem) {
    throw new Problem("VALIDATION_FAILED", "The endpoint's URL cannot be used.", {
      errors: [{ field: "url", message: URL_MESSAGES[problem] }],
    });
  }
}
