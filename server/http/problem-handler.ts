/**
 * Every refusal leaves as application/problem+json: the use cases' Problems, request validation
 * (with field-level errors) and Fastify's own errors, each with its catalogue code.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { FieldError } from "../../shared/errors.ts";
import { isDatabaseUnavailable } from "../db/errors.ts";
import { codeForStatus, Problem, type ProblemDocument, toDocument } from "../errors.ts";

function validationErrorsOf(error: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  return error.validation.map((issue) => ({
    field:
      issue.instancePath.replace(/^\//, "").replaceAll("/", ".") ||
      String(issue.params?.missingProperty ?? ""),
    message: issue.message ?? "Invalid value",
  }));
}

function documentOf(error: FastifyError): ProblemDocument {
  if (error instanceof Problem)
    return toDocument(error.code, error.message, error.errors, error.extensions);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = validationErrorsOf(error);
    const where = error.validationContext ?? "request";
    return toDocument(
      "VALIDATION_FAILED",
      `The ${where} has ${errors.length} invalid field(s).`,
      errors,
    );
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
  return reply.status(document.status).type("application/problem+json").send(document);
}

export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, "database unavailable");
      reply.header("retry-after", String(RETRY_AFTER_SECONDS));
      return sendProblem(reply, databaseUnavailable());
    }
    const document = documentOf(error);
    if (document.status >= 500) request.log.error({ err: error }, "request failed");
    return sendProblem(reply, document);
  });
}
