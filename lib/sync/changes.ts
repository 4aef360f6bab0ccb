import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/config/env";
import { toActivitySyncDto } from "@/lib/activities/service";
import { toChildDto } from "@/lib/children/service";
import { toTimerDto } from "@/lib/timers/service";
import type { FamilyChanges } from "./schema";

/** Most entries one family's changes carry in one answer; the device syncs again for the rest. */
export const CHANGES_LIMIT = 2000;

/**
 * Every change of every family of the actor after `since[familyId]` (0 or absent: a first sync).
 * The family seq is read first and bounds every query: writers advance it under the family row
 * lock, so every row with a seq up to it is committed and visible.
 */
export async function changesSince({ actor, since }: { actor: Actor; since: Record<string, number> }): Promise<FamilyChanges[]> {
  const memberships = await db.membership.findMany({
    where: { userId: actor.userId },
    select: { role: true, family: { select: { id: true, name: true, seq: true } } },
    orderBy: { familyId: "asc" },
  });
  return Promise.all(memberships.map(({ role, family }) => familyChanges(family, role, since[family.id] ?? 0)));
}

async function familyChanges(
  family: { id: string; name: string; seq: bigint },
  role: FamilyChanges["role"],
  requested: number,
): Promise<FamilyChanges> {
  const head = Number(family.seq);
  const reset = requested > head;
  const from = reset ? 0 : requested;
  const first = from === 0;
  const windowStart = new Date(Date.now() - env().SYNC_WINDOW_DAYS * 86400_000);
  const rows = await db.activity.findMany({
    where: { familyId: family.id, seq: { gt: from, lte: head }, ...(first && { deletedAt: null, startedAt: { gte: windowStart } }) },
    orderBy: { seq: "asc" },
    take: CHANGES_LIMIT + 1,
  });
  const more = rows.length > CHANGES_LIMIT;
  const activities = rows.slice(0, CHANGES_LIMIT);
  const upTo = more ? Number(activities[activities.length - 1].seq) : head;
  const seq = { gt: from, lte: upTo };
  const [children, timers] = await Promise.all([
    db.child.findMany({ where: { familyId: family.id, seq, ...(first && { deletedAt: null }) }, orderBy: { seq: "asc" } }),
    db.timer.findMany({ where: { familyId: family.id, seq, ...(first && { state: { not: "stopped" } }) }, orderBy: { seq: "asc" } }),
  ]);
  return {
    familyId: family.id,
    name: family.name,
    role,
    seq: upTo,
    reset,
    more,
    children: children.map((c) => ({ ...toChildDto(c), deletedAt: c.deletedAt?.toISOString() ?? null })),
    activities: activities.map(toActivitySyncDto),
    timers: timers.map((t) => toTimerDto(t)),
  };
}
