import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Actor } from "./actor";

const PREFIX = "nst_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function generateToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/** Resolves a Bearer token to an actor, or null. Touches lastUsedAt at most every five minutes. */
export async function resolveBearerToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(PREFIX) || token.length > 100) return null;
  const row = await db.accessToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 5 * 60_000) {
    await db.accessToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { userId: row.userId, via: "token", tokenId: row.id };
}
