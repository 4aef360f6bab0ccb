import type { FamilyChanges } from "@/lib/sync/schema";
import { isActivityOp } from "@/lib/sync/ops";
import type { OfflineDb, ServerActivity } from "./db";
import { rebuildEntry } from "./outbox";

export const DEFAULT_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

type ActivityChange = FamilyChanges["activities"][number];

export function serverActivity(row: ActivityChange): ServerActivity {
  return {
    id: row.id,
    familyId: row.familyId,
    childId: row.childId,
    type: row.type,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    notes: row.notes,
    details: row.details,
    clocks: row.clocks,
    deleted: row.deletedAt !== null,
    deletedHlc: row.deletedHlc,
    createdById: row.createdById,
    version: row.version,
  };
}

/**
 * Stores what POST /api/v1/sync answered: every row upserted by id, tombstones removed, queued
 * ops re-applied on top of the server's entries (docs/SYNC.md, "The device's side"), families the
 * user left dropped, and each family's `seq` kept as its next `since`.
 */
export async function applyChanges(db: OfflineDb, changes: FamilyChanges[]): Promise<void> {
  await db.transaction("rw", [db.families, db.children, db.activities, db.timers, db.outbox], async () => {
    const kept = new Set(changes.map((c) => c.familyId));
    for (const family of await db.families.toArray()) if (!kept.has(family.id)) await dropFamily(db, family.id);

    for (const change of changes) {
      if (change.reset) await dropFamily(db, change.familyId, { keepFamily: true });
      for (const child of change.children) {
        if (child.deletedAt) await db.children.delete(child.id);
        else await db.children.put(child);
      }
      for (const row of change.activities) await rebuildEntry(db, row.id, serverActivity(row));
      for (const timer of change.timers) {
        if (timer.state === "stopped") await db.timers.delete(timer.id);
        else await db.timers.put(timer);
      }
      await db.families.put({ id: change.familyId, name: change.name, role: change.role, seq: change.seq });
    }
  });
}

async function dropFamily(db: OfflineDb, familyId: string, { keepFamily = false } = {}) {
  if (!keepFamily) await db.families.delete(familyId);
  await db.children.where("familyId").equals(familyId).delete();
  await db.timers.where("familyId").equals(familyId).delete();
  const queued = await queuedIds(db);
  const ids = await db.activities.where("familyId").equals(familyId).primaryKeys();
  await db.activities.bulkDelete(ids.filter((id) => !queued.has(id)));
}

/** The `since` of the next sync: family → the last seq stored. */
export async function sinceMap(db: OfflineDb): Promise<Record<string, number>> {
  const since: Record<string, number> = {};
  for (const family of await db.families.toArray()) since[family.id] = family.seq;
  return since;
}

/**
 * Removes entries that started before the window (90 days by default), except those with queued
 * ops: nothing waiting to be sent is ever dropped. Returns how many were removed.
 */
export async function trimActivities(db: OfflineDb, { now = Date.now(), windowDays = DEFAULT_WINDOW_DAYS } = {}): Promise<number> {
  const cutoff = new Date(now - windowDays * DAY_MS).toISOString();
  return db.transaction("rw", [db.activities, db.outbox], async () => {
    const queued = await queuedIds(db);
    const old = await db.activities.where("startedAt").below(cutoff).primaryKeys();
    const drop = old.filter((id) => !queued.has(id));
    await db.activities.bulkDelete(drop);
    return drop.length;
  });
}

async function queuedIds(db: OfflineDb): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const item of await db.outbox.toArray()) if (isActivityOp(item.op)) ids.add(item.op.id);
  return ids;
}
