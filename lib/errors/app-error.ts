import type { z } from "zod";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { serverTranslator } from "@/lib/i18n/messages";

export type ErrorKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "unavailable"
  | "internal";

const STATUS: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** A field problem: the message key under errors.fields and its ICU parameters. */
export type FieldIssue = { key: string; params?: Record<string, string | number> };

export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

/**
 * The one error type of the app. `code` is `kind:surface` (e.g. `not_found:child`); messages
 * are translated at the edge, so services stay locale-free.
 */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly surface: string;
  readonly fields?: Record<string, FieldIssue>;
  readonly retryAfterSeconds?: number;

  constructor(
    code: `${ErrorKind}:${string}`,
    options: { fields?: Record<string, FieldIssue>; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    const [kind, surface] = code.split(":") as [ErrorKind, string];
    this.kind = kind;
    this.surface = surface;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get code(): string {
    return `${this.kind}:${this.surface}`;
  }

  get status(): number {
    return STATUS[this.kind];
  }

  toBody(locale: Locale = defaultLocale): ErrorBody {
    const t = serverTranslator(locale, "errors");
    const specific = `codes.${this.kind}_${this.surface}`;
    const message = t.has(specific as never) ? t(specific as never) : t(`kinds.${this.kind}` as never);
    const body: ErrorBody = { error: { code: this.code, message } };
    if (this.fields) {
      body.error.fields = Object.fromEntries(Object.entries(this.fields).map(([path, issue]) => [path, translateField(locale, issue)]));
    }
    return body;
  }

  toResponse(locale: Locale = defaultLocale): Response {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.retryAfterSeconds !== undefined) headers["retry-after"] = String(this.retryAfterSeconds);
    return new Response(JSON.stringify(this.toBody(locale)), { status: this.status, headers });
  }
}

export function translateField(locale: Locale, issue: FieldIssue): string {
  const t = serverTranslator(locale, "errors");
  const key = `fields.${issue.key}`;
  return t.has(key as never) ? t(key as never, issue.params as never) : t("fields.invalid" as never);
}

/** Turns zod issues into `{ "details.amountMl": { key, params } }`, keyed by JSON path. */
export function fieldsFromZod(error: z.ZodError, prefix: (string | number)[] = []): Record<string, FieldIssue> {
  const fields: Record<string, FieldIssue> = {};
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path].map(String).join(".") || "body";
    if (!fields[path]) fields[path] = issueToField(issue);
  }
  return fields;
}

function issueToField(issue: z.core.$ZodIssue): FieldIssue {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? { key: "required" } : { key: "invalid_type", params: { expected: issue.expected } };
    case "too_big":
      return bound("too_big", issue.origin, issue.maximum);
    case "too_small":
      return bound("too_small", issue.origin, issue.minimum);
    case "invalid_format":
      return { key: "invalid_format", params: { format: issue.format } };
    case "invalid_value":
      return { key: "invalid_value", params: { options: issue.values.map(String).join(", ") } };
    case "unrecognized_keys":
      return { key: "unrecognized_keys", params: { keys: issue.keys.join(", ") } };
    case "invalid_union":
      return { key: "invalid_choice" };
    case "custom": {
      const key = (issue.params as { i18n?: string } | undefined)?.i18n;
      return key ? { key, params: (issue.params as { values?: Record<string, string | number> }).values } : { key: "invalid" };
    }
    default:
      return { key: "invalid" };
  }
}

function bound(kind: "too_big" | "too_small", origin: string, limit: number | bigint): FieldIssue {
  const value = typeof limit === "bigint" ? Number(limit) : limit;
  const suffix = origin === "string" ? "string" : origin === "array" || origin === "set" ? "array" : origin === "date" ? "date" : "number";
  if (suffix === "date") return { key: `${kind}_date`, params: { limit: new Date(value).toISOString() } };
  return { key: `${kind}_${suffix}`, params: { limit: value } };
}

/** Parses input with a schema; on failure throws a 400 AppError naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, surface: string, prefix: (string | number)[] = []): z.infer<S> {
  // reportInput keeps each issue's input, so a present value of the wrong type is not called missing.
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw new AppError(`bad_request:${surface}`, { fields: fieldsFromZod(result.error, prefix) });
  return result.data;
}
