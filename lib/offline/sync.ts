import type { HybridClock } from "@/lib/sync/hlc";
import { isActivityOp, MAX_SYNC_OPS } from "@/lib/sync/ops";
import { syncResponseSchema, type SyncResponse } from "@/lib/sync/schema";
import { setMeta, type OfflineDb, type OutboxItem } from "./db";
import { rebuildEntry } from "./outbox";
import { applyChanges, DEFAULT_WINDOW_DAYS, sinceMap, trimActivities } from "./pull";

export type SyncOutcome =
  | { status: "ok"; applied: number; rejected: number }
  /** The network or the server failed: everything stays queued for the next try. */
  | { status: "offline" | "error" }
  /** The session expired: the outbox is kept until the user signs in again. */
  | { status: "unauthorized" };

type Deps = {
  fetch?: typeof fetch;
  clock: HybridClock;
  now?: () => number;
  windowDays?: number;
  endpoint?: string;
};

/** Clock drift rejections are re-stamped and sent again this many times before the user sees them. */
const MAX_RESTAMPS = 2;

/**
 * Sends the outbox to POST /api/v1/sync (oldest first, ≤ 500 ops a request) and stores what
 * changed: applied ops leave the outbox, rejected ones stay with their error for the user to fix
 * or discard, and each family's seq becomes the next `since`. Loops while the server says `more`
 * or ops are left. Nothing is removed from the outbox unless the server answered for it.
 */
export async function syncNow(db: OfflineDb, deps: Deps): Promise<SyncOutcome> {
  const { clock, now = Date.now, windowDays = DEFAULT_WINDOW_DAYS, endpoint = "/api/v1/sync" } = deps;
  const doFetch = deps.fetch ?? globalThis.fetch.bind(globalThis);
  let applied = 0;
  let rejected = 0;
  for (let round = 0; round < 50; round++) {
    const batch = (await db.outbox.orderBy("seq").toArray()).filter((i) => i.status !== "rejected").slice(0, MAX_SYNC_OPS);
    await db.outbox.bulkUpdate(batch.map((i) => ({ key: i.seq!, changes: { status: "sending" as const, attempts: i.attempts + 1 } })));
    let response: Response;
    try {
      response = await doFetch(endpoint, {
        method: "POST",
        headers: { "content-type": "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ since: await sinceMap(db), ops: batch.map((i) => i.op) }),
      });
    } catch {
      await backToPending(
        db,
        batch.map((i) => i.seq!),
      );
      return { status: "offline" };
    }
    if (!response.ok) {
      await backToPending(
        db,
        batch.map((i) => i.seq!),
      );
      return { status: response.status === 401 ? "unauthorized" : "error" };
    }
    let body: SyncResponse;
    try {
      body = syncResponseSchema.parse(await response.json());
    } catch {
      await backToPending(
        db,
        batch.map((i) => i.seq!),
      );
      return { status: "error" };
    }
    clock.receive(body.hlc);
    const result = await storeAnswer(db, clock, body, batch);
    applied += result.applied;
    rejected += result.rejected;
    await trimActivities(db, { now: now(), windowDays });
    await setMeta(db, "lastSyncedAt", now());
    const left = (await db.outbox.toArray()).some((i) => i.status === "pending");
    if (!body.changes.some((c) => c.more) && !left) break;
  }
  return { status: "ok", applied, rejected };
}

async function backToPending(db: OfflineDb, seqs: number[]) {
  await db.outbox.bulkUpdate(seqs.map((key) => ({ key, changes: { status: "pending" as const } })));
}

async function storeAnswer(db: OfflineDb, clock: HybridClock, body: SyncResponse, batch: OutboxItem[]) {
  const bySeq = new Map(batch.map((i) => [i.opId, i]));
  const touched = new Set<string>();
  let rejected = 0;
  await db.transaction("rw", [db.outbox, db.activities, db.meta], async () => {
    for (const opId of body.applied) {
      const item = bySeq.get(opId);
      if (!item) continue;
      await db.outbox.delete(item.seq!);
      if (isActivityOp(item.op)) touched.add(item.op.id);
    }
    for (const { opId, error } of body.rejected) {
      const item = bySeq.get(opId);
      if (!item) continue;
      if (isActivityOp(item.op)) touched.add(item.op.id);
      // A device clock running ahead of the server: stamp the op again after receiving the server's clock.
      if (error.code === "bad_request:sync" && error.fields?.hlc && item.attempts <= MAX_RESTAMPS) {
        await db.outbox.update(item.seq!, { status: "pending", op: { ...item.op, hlc: clock.now() } });
        continue;
      }
      rejected++;
      await db.outbox.update(item.seq!, { status: "rejected", error });
    }
    await db.meta.put({ key: "hlc", value: clock.peek() });
  });
  await applyChanges(db, body.changes);
  // Entries whose ops were answered but that the changes did not carry (rejected, or unchanged): rebuild from the server state.
  await db.transaction("rw", [db.outbox, db.activities], async () => {
    for (const id of touched) await rebuildEntry(db, id);
  });
  return { applied: body.applied.filter((id) => bySeq.has(id)).length, rejected };
}
