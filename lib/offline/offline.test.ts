import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HybridClock } from "@/lib/sync/hlc";
import type { SyncResponse } from "@/lib/sync/schema";
import { claimStore, getMeta, OfflineDb } from "./db";
import { discardOp, enqueueOp, pendingOps, rejectedOps } from "./outbox";
import { applyChanges, trimActivities } from "./pull";
import { syncNow } from "./sync";

const FAMILY = "11111111-1111-4111-8111-111111111111";
const CHILD = "22222222-2222-4222-8222-222222222222";
const USER = "33333333-3333-4333-8333-333333333333";
const T0 = Date.parse("2026-11-20T10:00:00.000Z");

let db: OfflineDb;
let clock: HybridClock;
let now = T0;

beforeEach(async () => {
  db = new OfflineDb(`test-${crypto.randomUUID()}`);
  now = T0;
  clock = new HybridClock("dev-test", () => now);
});
afterEach(async () => {
  await db.delete();
});

function create(id: string, startedAt = new Date(now).toISOString(), details: Record<string, unknown> = { wet: true, dirty: false }) {
  return enqueueOp(
    db,
    clock,
    { kind: "activity.create", id, activity: { childId: CHILD, type: "diaper", startedAt, details } },
    { familyId: FAMILY },
  );
}

function serverRow(id: string, over: Partial<SyncResponse["changes"][number]["activities"][number]> = {}) {
  return {
    id,
    familyId: FAMILY,
    childId: CHILD,
    type: "diaper" as const,
    startedAt: new Date(T0).toISOString(),
    endedAt: null,
    details: { wet: true, dirty: false },
    notes: null,
    createdById: USER,
    updatedById: USER,
    version: 1,
    seq: 5,
    deletedAt: null,
    createdAt: new Date(T0).toISOString(),
    updatedAt: new Date(T0).toISOString(),
    clocks: { childId: "0001763632800000-00000-srv-a".slice(3), type: "1763632800000-00000-srv-a", startedAt: "1763632800000-00000-srv-a" },
    deletedHlc: null,
    ...over,
  };
}

function family(activities: ReturnType<typeof serverRow>[] = [], extra: Partial<SyncResponse["changes"][number]> = {}) {
  return {
    familyId: FAMILY,
    name: "Home",
    role: "parent" as const,
    seq: 10,
    reset: false,
    more: false,
    children: [],
    activities,
    timers: [],
    ...extra,
  };
}

/** A fake endpoint: answers like POST /api/v1/sync, applying or rejecting by a rule. */
function endpoint(
  rule: (op: { opId: string; kind: string }) => "apply" | { code: string; message: string; fields?: Record<string, string> } = () =>
    "apply",
) {
  const requests: { since: Record<string, number>; ops: { opId: string; kind: string; id?: string }[] }[] = [];
  const fetch: typeof globalThis.fetch = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body));
    requests.push(body);
    const applied: string[] = [];
    const rejected: { opId: string; error: { code: string; message: string; fields?: Record<string, string> } }[] = [];
    for (const op of body.ops) {
      const r = rule(op);
      if (r === "apply") applied.push(op.opId);
      else rejected.push({ opId: op.opId, error: r });
    }
    return new Response(
      JSON.stringify({ applied, rejected, changes: [family()], seq: { [FAMILY]: 10 }, hlc: "1763632800000-00000-srv-a" }),
      {
        status: 200,
      },
    );
  }) as unknown as typeof globalThis.fetch;
  return { fetch, requests };
}

describe("outbox", () => {
  it("applies a change locally at once and queues it with an id and a clock stamp", async () => {
    const item = await create("44444444-4444-4444-8444-444444444444");
    const stored = await db.activities.get("44444444-4444-4444-8444-444444444444");
    expect(stored).toMatchObject({ type: "diaper", details: { wet: true, dirty: false }, familyId: FAMILY, deleted: false, server: null });
    expect(item.op.hlc).toMatch(/^\d{13}-\d{5}-dev-test$/);
    expect((await pendingOps(db)).map((i) => i.opId)).toEqual([item.opId]);
    expect(await getMeta(db, "hlc")).toBe(clock.peek());
  });

  it("sends ops in the order they were made, and removes only those the server applied", async () => {
    const ids = Array.from({ length: 5 }, () => crypto.randomUUID());
    for (const id of ids) await create(id);
    const { fetch, requests } = endpoint();
    const outcome = await syncNow(db, { fetch, clock, now: () => now });
    expect(outcome).toEqual({ status: "ok", applied: 5, rejected: 0 });
    expect(requests[0].ops.map((o) => o.id)).toEqual(ids);
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, "lastSyncedAt")).toBe(now);
    expect((await db.families.get(FAMILY))?.seq).toBe(10);
  });

  it("keeps everything queued when the network fails, and sends it on the next try", async () => {
    await create(crypto.randomUUID());
    const failing = (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof globalThis.fetch;
    expect(await syncNow(db, { fetch: failing, clock })).toEqual({ status: "offline" });
    const [item] = await pendingOps(db);
    expect(item).toMatchObject({ status: "pending", attempts: 1 });
    const { fetch } = endpoint();
    expect(await syncNow(db, { fetch, clock })).toMatchObject({ status: "ok", applied: 1 });
    expect(await db.outbox.count()).toBe(0);
  });

  it("keeps the outbox intact on a 401 (session expired)", async () => {
    await create(crypto.randomUUID());
    await create(crypto.randomUUID());
    const unauthorized = (async () => new Response("{}", { status: 401 })) as unknown as typeof globalThis.fetch;
    expect(await syncNow(db, { fetch: unauthorized, clock })).toEqual({ status: "unauthorized" });
    expect((await pendingOps(db)).map((i) => i.status)).toEqual(["pending", "pending"]);
  });

  it("keeps a rejected op with its reason, hides its effect, and discards it only when asked", async () => {
    const bad = crypto.randomUUID();
    const good = crypto.randomUUID();
    await create(bad);
    await create(good);
    const error = { code: "bad_request:activity", message: "Invalid", fields: { "activity.details.wet": "required" } };
    const { fetch } = endpoint((op) => (op.kind === "activity.create" && (op as { id?: string }).id === bad ? error : "apply"));
    expect(await syncNow(db, { fetch, clock })).toEqual({ status: "ok", applied: 1, rejected: 1 });
    const rejected = await rejectedOps(db);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ status: "rejected", error });
    // Not sent again, not shown as an entry.
    const second = endpoint();
    await syncNow(db, { fetch: second.fetch, clock });
    expect(second.requests[0].ops).toEqual([]);
    expect(await db.activities.get(bad)).toBeUndefined();
    await discardOp(db, rejected[0].opId);
    expect(await db.outbox.count()).toBe(0);
  });

  it("re-stamps an op the server found too far ahead and sends it again", async () => {
    await create(crypto.randomUUID());
    let calls = 0;
    const { fetch, requests } = endpoint(() =>
      calls++ === 0 ? { code: "bad_request:sync", message: "clock", fields: { hlc: "too_far_ahead" } } : "apply",
    );
    expect(await syncNow(db, { fetch, clock })).toMatchObject({ status: "ok", applied: 1, rejected: 0 });
    expect(requests).toHaveLength(2);
    expect(requests[1].ops[0]).not.toHaveProperty("hlc", (requests[0].ops[0] as { hlc?: string }).hlc);
  });

  it("sends more than 500 ops in several requests", async () => {
    await db.transaction("rw", [db.outbox, db.activities, db.meta], async () => {
      for (let i = 0; i < 620; i++) await create(crypto.randomUUID());
    });
    const { fetch, requests } = endpoint();
    expect(await syncNow(db, { fetch, clock })).toMatchObject({ status: "ok", applied: 620 });
    expect(requests.map((r) => r.ops.length)).toEqual([500, 120]);
  });
});

describe("pull", () => {
  it("stores the server's entries and re-applies ops still queued on top (different fields both survive)", async () => {
    const id = crypto.randomUUID();
    await applyChanges(db, [family([serverRow(id)])]);
    now += 1000;
    await enqueueOp(db, clock, { kind: "activity.update", id, patch: { notes: "spat up" } }, { familyId: FAMILY });
    // Meanwhile another caregiver changed another field, and the server sends it.
    await applyChanges(db, [
      family([
        serverRow(id, {
          details: { wet: true, dirty: true },
          clocks: { ...serverRow(id).clocks, "details.dirty": "1763632900000-00000-srv-a" },
        }),
      ]),
    ]);
    const stored = await db.activities.get(id);
    expect(stored).toMatchObject({ notes: "spat up", details: { wet: true, dirty: true } });
    expect(stored?.server?.notes).toBeNull();
  });

  it("removes tombstones, drops families the user left, and takes a reset", async () => {
    const a = crypto.randomUUID();
    const b = crypto.randomUUID();
    await applyChanges(db, [family([serverRow(a), serverRow(b)])]);
    await applyChanges(db, [family([serverRow(a, { deletedAt: new Date(T0).toISOString(), deletedHlc: "1763632900000-00000-srv-a" })])]);
    expect(await db.activities.get(a)).toBeUndefined();
    expect(await db.activities.get(b)).toBeDefined();
    await applyChanges(db, [family([], { reset: true })]);
    expect(await db.activities.count()).toBe(0);
    await applyChanges(db, [family([serverRow(b)])]);
    await applyChanges(db, []);
    expect(await db.families.count()).toBe(0);
    expect(await db.activities.count()).toBe(0);
  });

  it("trims entries older than the window, but never one with queued changes", async () => {
    const old = crypto.randomUUID();
    const oldQueued = crypto.randomUUID();
    const recent = crypto.randomUUID();
    const longAgo = new Date(T0 - 100 * 86_400_000).toISOString();
    await applyChanges(db, [family([serverRow(old, { startedAt: longAgo }), serverRow(recent)])]);
    await create(oldQueued, longAgo);
    expect(await trimActivities(db, { now: T0, windowDays: 90 })).toBe(1);
    expect(await db.activities.get(old)).toBeUndefined();
    expect(await db.activities.get(oldQueued)).toBeDefined();
    expect(await db.activities.get(recent)).toBeDefined();
    // A shorter window removes nothing more here: the recent entry is today's, the old one is queued.
    expect(await trimActivities(db, { now: T0, windowDays: 7 })).toBe(0);
  });

  it("empties the store when another user signs in on this device", async () => {
    expect(await claimStore(db, USER)).toBe(false);
    await create(crypto.randomUUID());
    // The same user again: the outbox stays.
    expect(await claimStore(db, USER)).toBe(false);
    expect(await db.outbox.count()).toBe(1);
    expect(await claimStore(db, "55555555-5555-4555-8555-555555555555")).toBe(true);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.activities.count()).toBe(0);
  });
});
