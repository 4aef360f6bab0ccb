import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/client";

export type AuthEventType =
  "register" | "sign_in" | "sign_in_failed" | "sign_in_locked" | "sign_out" | "token_created" | "token_revoked" | "password_changed";

export type RequestMeta = { ip?: string; userAgent?: string };

/** Appends to the auth audit log. Never throws: an audit failure must not lock people out. */
export async function recordAuthEvent(event: {
  type: AuthEventType;
  userId?: string | null;
  email?: string | null;
  meta?: RequestMeta;
  detail?: Prisma.InputJsonValue;
}): Promise<void> {
  try {
    await db.authEvent.create({
      data: {
        type: event.type,
        userId: event.userId ?? null,
        email: event.email ?? null,
        ip: event.meta?.ip?.slice(0, 64) ?? null,
        userAgent: event.meta?.userAgent?.slice(0, 256) ?? null,
        detail: event.detail,
      },
    });
  } catch (error) {
    console.error("[audit] could not record auth event", event.type, error);
  }
}
