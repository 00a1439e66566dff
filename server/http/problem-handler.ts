/**
 * Every refusal leaves as application/problem+json: the use cases' Problems, request validation
 * (with field-level errors) and Fastify's own errors, each with its catalogue code.
 */
import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { FieldError } from "../../shared/errors.ts";
import { dataExceptionOf, isDatabaseUnavailable } from "../db/errors.ts";
import { codeForStatus, Problem, type ProblemDocument, toDocument } from "../errors.ts";
import { challengesFor } from "./challenge.ts";
import { REQUEST_ID_HEADER, stampResponse } from "./request-hygiene.ts";

/**
 * The fields a validation error names, with each kind of rule a field breaks once: a page size of
 * 10^20 is too big for its bound of 100 and for the largest safe integer, and the first (the
 * schema's own bound) says it.
 */
function validationErrorsOf(error: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  const broken = new Set<string>();
  return error.validation.flatMap((issue) => {
    const field =
      issue.instancePath.replace(/^\//, "").replaceAll("/", ".") ||
      String(issue.params?.missingProperty ?? "");
    // A field the schema does not know is named as the field, one error each.
    const unknown = issue.keyword === "unrecognized_keys" ? issue.params?.keys : undefined;
    if (Array.isArray(unknown) && unknown.length > 0) {
      return unknown.map((key) => ({
        field: field ? `${field}.${String(key)}` : String(key),
        message: `Unknown field "${String(key)}": remove it or check its spelling`,
      }));
    }
    const rule = `${field} ${issue.keyword}`;
    if (broken.has(rule)) return [];
    broken.add(rule);
    return [{ field, message: issue.message ?? "Invalid value" }];
  });
}

/** The part of a request a validation error is in, as a client's developer calls it. */
const PARTS_OF_A_REQUEST: Record<string, string> = {
  body: "The body",
  querystring: "The query string",
  params: "The address",
  headers: "The headers",
};

function documentOf(error: FastifyError): ProblemDocument {
  if (error instanceof Problem)
    return toDocument(error.code, error.message, error.errors, error.extensions);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = validationErrorsOf(error);
    const where = PARTS_OF_A_REQUEST[error.validationContext ?? "request"] ?? "The request";
    // A field can break more than one rule: the fields are counted, not the errors.
    const invalid = new Set(errors.map((e) => e.field)).size;
    const fields = invalid === 1 ? "1 invalid field" : `${invalid} invalid fields`;
    return toDocument("VALIDATION_FAILED", `${where} has ${fields}.`, errors);
  }
  return toDocument(codeForStatus(error.statusCode ?? 500), error.message);
}

/** How long a client should wait before retrying while the database is away. */
const RETRY_AFTER_SECONDS = 5;

const databaseUnavailable = () =>
  toDocument(
    "SERVICE_UNAVAILABLE",
    "The database cannot be reached right now. Try again in a few seconds.",
  );

export function sendProblem(reply: FastifyReply, document: ProblemDocument): FastifyReply {
  // A 401 says how to authenticate (RFC 9110): every 401 leaves through here.
  if (document.status === 401) reply.header("www-authenticate", challengesFor(reply.request));
  return reply.status(document.status).type("application/problem+json").send(document);
}

export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, "database unavailable");
      reply.header("retry-after", String(RETRY_AFTER_SECONDS));
      return sendProblem(reply, databaseUnavailable());
    }
    const dataException = dataExceptionOf(error);
    if (dataException) {
      // The request's values reached the database and were refused there: a 400. The failed SQL
      // and its parameters (the request's own values, maybe secrets) stay out of the log.
      request.log.warn({ sqlState: dataException }, "database refused a value of the request");
      return sendProblem(reply, valueNotStorable());
    }
    const document = documentOf(error);
    if (document.status >= 500) request.log.error({ err: error }, "request failed");
    return sendProblem(reply, document);
  });
}

const valueNotStorable = () =>
  toDocument(
    "BAD_REQUEST",
    "A value in the request cannot be stored or compared: a number out of range or text with characters that are not allowed.",
  );

/**
 * Fastify's `frameworkErrors`: what it refuses before any route or hook runs (a malformed %-escape
 * in the URL, a path parameter longer than any id) as problem+json, like every other refusal.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  stampResponse(request, reply);
  const document =
    error.code === "FST_ERR_BAD_URL"
      ? toDocument("BAD_REQUEST", "The address of the request is not valid (a malformed %-escape).")
      : error.code === "FST_ERR_MAX_PARAM_LENGTH"
        ? toDocument("URI_TOO_LONG", "A part of the address is longer than any id or name.")
        : documentOf(error);
  if (document.status >= 500) request.log.error({ err: error }, "request failed");
  void sendProblem(reply, document);
}

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before there is a request at all
 * (headers over its 16 KiB, bytes that are no HTTP, a client too slow to send its request), as
 * problem+json too, on the socket itself.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const document =
    error.code === "HPE_HEADER_OVERFLOW"
      ? toDocument("HEADERS_TOO_LARGE", "The request's headers are larger than the server takes.")
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? toDocument("REQUEST_TIMEOUT", "The request did not arrive in time.")
        : toDocument("BAD_REQUEST", "The request is not valid HTTP.");
  const body = JSON.stringify(document);
  if (socket.writable) {
    socket.write(
      [
        `HTTP/1.1 ${document.status} ${STATUS_CODES[document.status]}`,
        "Content-Type: application/problem+json; charset=utf-8",
        `Content-Length: ${Buffer.byteLength(body)}`,
        `${REQUEST_ID_HEADER}: ${randomUUID()}`,
        "Cache-Control: no-store",
        "Connection: close",
        "",
        body,
      ].join("\r\n"),
    );
  }
  socket.destroy(error);
}
