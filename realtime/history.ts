import { db } from "@/lib/db/client";
import { familyEventSchema, type FamilyEvent, type FamilyEventType } from "@/lib/events/schema";

type EventRow = { familyId: string; seq: bigint; type: string; actorId: string | null; payload: unknown; createdAt: Date };

/** A stored FamilyEvent row as the publisher sent it (lib/events/change-set.ts): payload → data, createdAt → at. */
export function rowToEvent(row: EventRow): FamilyEvent {
  return familyEventSchema.parse({
    type: row.type as FamilyEventType,
    familyId: row.familyId,
    seq: Number(row.seq),
    actorId: row.actorId,
    at: row.createdAt.toISOString(),
    data: row.payload,
  });
}

/** The family's events after `afterSeq`, in seq order, at most `limit`. */
export async function readFamilyEvents(familyId: string, afterSeq: number, limit: number): Promise<FamilyEvent[]> {
  const rows = await db.familyEvent.findMany({
    where: { familyId, seq: { gt: BigInt(afterSeq) } },
    orderBy: { seq: "asc" },
    take: limit,
  });
  return rows.map(rowToEvent);
}

/** The family's current seq, or null when it no longer exists. */
export async function readFamilySeq(familyId: string): Promise<number | null> {
  const family = await db.family.findUnique({ where: { id: familyId }, select: { seq: true } });
  return family ? Number(family.seq) : null;
}

/** The families of a user with their current seq (the starting point of a socket's streams). */
export async function readMemberships(userId: string): Promise<{ familyId: string; seq: number }[]> {
  const rows = await db.membership.findMany({ where: { userId }, select: { familyId: true, family: { select: { seq: true } } } });
  return rows.map((row) => ({ familyId: row.familyId, seq: Number(row.family.seq) }));
}

/** Whether a personal access token is still valid (a realtime token issued through it dies with it). */
export async function accessTokenIsLive(tokenId: string, userId: string): Promise<boolean> {
  const row = await db.accessToken.findUnique({ where: { id: tokenId }, select: { userId: true, revokedAt: true } });
  return !!row && row.userId === userId && !row.revokedAt;
}
