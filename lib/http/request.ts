import { AppError } from "@/lib/errors/app-error";
import { env } from "@/lib/config/env";
import type { RequestMeta } from "@/lib/auth/audit";

/** Client IP for rate limits and the audit log; proxy headers count only with TRUST_PROXY. */
export function requestMeta(request: Request): RequestMeta {
  const forwarded = env().TRUST_PROXY
    ? request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip")
    : null;
  return { ip: forwarded || "direct", userAgent: request.headers.get("user-agent") ?? undefined };
}

/**
 * Reads a JSON body: 415 unless Content-Type is JSON, 413 past API_BODY_LIMIT_BYTES (counted
 * while streaming, so a lying Content-Length does not help), 400 on malformed JSON.
 */
/** How much of a refused body is still read (and thrown away) so the client sees the 413. */
const DRAIN_CAP_BYTES = 1024 * 1024;

/**
 * Reads and discards the rest of a refused body, up to DRAIN_CAP_BYTES: a client still uploading
 * when the server closes gets EPIPE instead of the 413. Beyond the cap the upload is cut off.
 */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, declared: number): Promise<void> {
  if (declared > DRAIN_CAP_BYTES) return void (await reader.cancel().catch(() => {}));
  let drained = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      drained += value.byteLength;
      if (drained > DRAIN_CAP_BYTES) return void (await reader.cancel());
    }
  } catch {
    // the client went away: nothing left to drain
  }
}

export async function readJsonBody(request: Request, limit: number = env().API_BODY_LIMIT_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type.trim())) throw new AppError("unsupported_media_type:body");
  const declared = Number(request.headers.get("content-length") ?? 0);
  const reader = request.body?.getReader();
  if (declared > limit) {
    if (reader) await drain(reader, declared);
    throw new AppError("payload_too_large:body");
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      // A client that goes away mid-body is a bad request, not an outage of ours.
      const { done, value } = await reader.read().catch(() => {
        throw new AppError("bad_request:body", { fields: { body: { key: "invalid" } } });
      });
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await drain(reader, 0);
        throw new AppError("payload_too_large:body");
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("bad_request:json", { fields: { body: { key: "invalid" } } });
  }
  const unstorable = findUnstorableText(value);
  if (unstorable !== null) throw new AppError("bad_request:body", { fields: { [unstorable || "body"]: { key: "invalid" } } });
  return value;
}

const storable = (s: string) => !s.includes("\u0000") && s.isWellFormed();

/**
 * The JSON path of the first string (value or key) that PostgreSQL cannot store: NUL, or an
 * unpaired surrogate. Iterative, so deeply nested input cannot overflow the stack.
 */
function findUnstorableText(root: unknown): string | null {
  const stack: [unknown, string][] = [[root, ""]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === "string") {
      if (!storable(value)) return path;
    } else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        if (!storable(key)) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}

export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { "content-type": "application/json", ...headers } });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function searchParams(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a uuid names nothing: 404, like any id of another family. */
export function uuidParam(value: string | undefined, surface: string): string {
  if (!value || !UUID.test(value)) throw new AppError(`not_found:${surface}`);
  return value.toLowerCase();
}
