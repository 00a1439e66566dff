/** What registering and changing an endpoint both check, and the secrets they hand out. */
import { randomBytes } from "node:crypto";
import { webhookUrlProblem } from "../../shared/domain/webhooks.ts";
import { Problem } from "../errors.ts";
import { isPrivateAddress } from "./private-network.ts";

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

const URL_MESSAGES = {
  invalid: "Enter the endpoint's URL, such as https://hooks.example.com/wattfolio",
  https: "Use an https:// address",
  credentials: "Leave the user name and password out of the URL",
  private: "Use an address on the internet, not one inside a private network",
} as const;

/**
 * A literal private IP, or a name that always means this machine (RFC 6761), as the host where local
 * delivery is not allowed; other names are checked as the deliverer connects.
 */
function privateHost(url: string, allowLocalHttp: boolean): "private" | null {
  if (allowLocalHttp) return null;
  const host = new URL(url).hostname.replace(/\.$/, "");
  const local = host === "localhost" || host.endsWith(".localhost") || isPrivateAddress(host);
  return local ? "private" : null;
}

/** Refuses a URL that cannot be an endpoint here (see `webhookUrlProblem`). */
export function checkEndpointUrl(url: string, allowLocalHttp: boolean): void {
  const problem = webhookUrlProblem(url, allowLocalHttp) ?? privateHost(url, allowLocalHttp);
  if (problem) {
    throw new Problem("VALIDATION_FAILED", "The endpoint's URL cannot be used.", {
      errors: [{ field: "url", message: URL_MESSAGES[problem] }],
    });
  }
}
