import { Prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Locale } from "@/lib/i18n/config";

const OUTAGE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "57P01", "57P03", "53300"]);

function isOutage(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  const e = error as { code?: string; name?: string; message?: string; cause?: unknown } | null;
  if (!e) return false;
  if (e.code && OUTAGE_CODES.has(e.code)) return true;
  if (e.name === "MaxRetriesPerRequestError" || /Connection is closed|connect ECONNREFUSED|Stream isn't writeable/.test(e.message ?? ""))
    return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P1001" || error.code === "P1017" || error.code === "P2024"))
    return true;
  return e.cause ? isOutage(e.cause) : false;
}

/** Maps anything thrown to a response; internals are logged, never sent. */
export function errorResponse(error: unknown, locale: Locale): Response {
  if (error instanceof AppError) return error.toResponse(locale);
  if (isOutage(error)) {
    console.error("[api] dependency unavailable", error);
    return new AppError("unavailable:dependency", { retryAfterSeconds: 5 }).toResponse(locale);
  }
  console.error("[api] unexpected error", error);
  return new AppError("internal:server").toResponse(locale);
}
