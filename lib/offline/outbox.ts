import { uuid } from "./uuid";
import type { HybridClock } from "@/lib/sync/hlc";
import { isActivityOp, type ActivityOp, type SyncOp } from "@/lib/sync/ops";
import type { OfflineDb, OutboxItem, ServerActivity } from "./db";
import { mergeEntry } from "./local-apply";

/** An op as the caller describes it: the outbox adds the id and the clock stamp. */
export type NewOp = SyncOp extends infer O ? (O extends SyncOp ? Omit<O, "opId" | "hlc"> : never) : never;

/**
 * Queues a change made on this device and applies it to the store at once (the page shows it
 * before the network sees it). Activity ops go through the shared merge, so the local entry is
 * what the server will hold once nothing concurrent interferes.
 */
export async function enqueueOp(
  db: OfflineDb,
  clock: HybridClock,
  op: NewOp,
  { familyId = null, now = Date.now() }: { familyId?: string | null; now?: number } = {},
): Promise<OutboxItem> {
  const full = { ...op, opId: uuid(), hlc: clock.now() } as SyncOp;
  const item: OutboxItem = { opId: full.opId, op: full, status: "pending", error: null, familyId, attempts: 0, createdAt: now };
  await db.transaction("rw", [db.outbox, db.activities, db.meta], async () => {
    await db.outbox.add(item);
    await db.meta.put({ key: "hlc", value: clock.peek() });
    if (isActivityOp(full)) {
      const stored = (await db.activities.get(full.id)) ?? null;
      const merged = mergeEntry(stored, [full], { familyId });
      if (merged) await db.activities.put({ ...merged, server: stored?.server ?? null });
    }
  });
  return item;
}

/** Ops waiting to be sent (and ops sent by a tab that died mid-request), oldest first. */
export async function pendingOps(db: OfflineDb): Promise<OutboxItem[]> {
  const all = await db.outbox.orderBy("seq").toArray();
  return all.filter((item) => item.status !== "rejected");
}

export async function rejectedOps(db: OfflineDb): Promise<OutboxItem[]> {
  return db.outbox.where("status").equals("rejected").sortBy("seq");
}

/** The user gave up on a rejected change (or fixed it with a new one): remove the op and rebuild the entry without it. */
export async function discardOp(db: OfflineDb, opId: string): Promise<void> {
  await db.transaction("rw", [db.outbox, db.activities], async () => {
    const item = await db.outbox.where("opId").equals(opId).first();
    if (!item) return;
    await db.outbox.delete(item.seq!);
    if (isActivityOp(item.op)) await rebuildEntry(db, item.op.id);
  });
}

/**
 * Recomputes an entry from its server state and the ops still queued for it (rejected ones left
 * out). Without a server state (created here, never accepted) the entry exists only while its
 * create is queued. `server` replaces the stored server state (a pull).
 */
export async function rebuildEntry(db: OfflineDb, id: string, server?: ServerActivity | null): Promise<void> {
  const stored = (await db.activities.get(id)) ?? null;
  const base = server !== undefined ? server : (stored?.server ?? null);
  const ops = (await pendingOps(db)).map((item) => item.op).filter((op): op is ActivityOp => isActivityOp(op) && op.id === id);
  const familyId = base?.familyId ?? stored?.familyId ?? null;
  const merged = mergeEntry(base, ops, { familyId });
  // A tombstone with nothing queued is forgotten; one with queued edits stays (hidden) until they are sent.
  if (merged && !(merged.deleted && ops.length === 0)) await db.activities.put({ ...merged, server: base });
  else await db.activities.delete(id);
}
