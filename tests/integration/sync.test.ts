import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { api, bottle, createChild, memberOf, minutesAgo, registerAccount, type Account } from "../helpers/api";
import { familySeq, query } from "../helpers/db";
import { HybridClock } from "@/lib/sync/hlc";

/** A device: its own clock (node id), its token, and a way to send ops. */
function device(account: Account, node: string, skewMs = 0) {
  const clock = new HybridClock(node, () => Date.now() + skewMs);
  const client = api(account.token);
  return {
    clock,
    op: <T extends Record<string, unknown>>(kind: string, rest: T) => ({ opId: randomUUID() as string, hlc: clock.now(), kind, ...rest }),
    sync: (ops: unknown[], since: Record<string, number> = {}) => client.post("/api/v1/sync", { since, ops }),
  };
}

function createOp(dev: ReturnType<typeof device>, childId: string, extra: Record<string, unknown> = {}) {
  const { childId: _c, ...activity } = bottle(childId, extra);
  return dev.op("activity.create", { id: randomUUID() as string, activity: { childId, ...activity } });
}

async function storedEntry(id: string) {
  const [row] = await query(`SELECT details, notes, "deletedAt", "fieldClocks", "deletedHlc" FROM "Activity" WHERE id = $1`, [id]);
  return row;
}

describe("sync", () => {
  it("20 queued creates make exactly 20 entries; the same batch again makes none", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const phone = device(owner, "phone-a");
    const ops = Array.from({ length: 20 }, (_, i) => createOp(phone, child.id, { startedAt: minutesAgo(200 - i) }));
    const first = await phone.sync(ops);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.rejected).toEqual([]);
    expect(first.body.applied).toEqual(ops.map((op) => op.opId));
    const count = async () => Number((await query(`SELECT count(*) FROM "Activity" WHERE "childId" = $1`, [child.id]))[0].count);
    expect(await count()).toBe(20);
    const seqAfter = await familySeq(owner.familyId);

    const retry = await phone.sync(ops);
    expect(retry.status).toBe(200);
    expect(retry.body.applied).toEqual(ops.map((op) => op.opId));
    expect(retry.body.rejected).toEqual([]);
    expect(await count()).toBe(20);
    expect(await familySeq(owner.familyId)).toBe(seqAfter);

    // Retried as new op ids (the outbox lost its log): the entry ids and the clocks still dedupe.
    const again = await phone.sync(ops.map((op) => ({ ...op, opId: randomUUID() })));
    expect(again.body.rejected).toEqual([]);
    expect(await count()).toBe(20);
    expect(await familySeq(owner.familyId)).toBe(seqAfter);

    // The first sync's changes hold every entry with its clocks, and the seq to continue from.
    const family = first.body.changes.find((c: { familyId: string }) => c.familyId === owner.familyId);
    expect(family.activities.map((a: { id: string }) => a.id).sort()).toEqual(ops.map((op) => op.id).sort());
    expect(family.activities[0].clocks.startedAt).toMatch(/^\d{13}-\d{5}-phone-a$/);
    expect(first.body.seq[owner.familyId]).toBe(seqAfter);
  });

  it("two devices replaying the same creates at once make each entry once; edits in the same batch follow their create", async () => {
    const owner = await registerAccount();
    const partner = await memberOf(owner, "parent");
    const child = await createChild(owner);
    const mum = device(owner, "mum");
    const dad = device(partner, "dad");
    const creates = Array.from({ length: 30 }, (_, i) => createOp(mum, child.id, { startedAt: minutesAgo(300 - i) }));
    const [a, b] = await Promise.all([mum.sync(creates), dad.sync(creates.map((op) => ({ ...op, opId: randomUUID() })))]);
    expect(a.body.rejected).toEqual([]);
    expect(b.body.rejected).toEqual([]);
    expect(await query(`SELECT id FROM "Activity" WHERE "childId" = $1`, [child.id])).toHaveLength(30);

    // One batch: create, edit and delete the same new entry, edit another twice (the later stamp wins).
    const entry = createOp(mum, child.id);
    const other = createOp(mum, child.id);
    const batch = [
      mum.op("activity.update", { id: other.id, patch: { notes: "second" } }),
      entry,
      mum.op("activity.update", { id: entry.id, patch: { details: { amountMl: 75 } } }),
      mum.op("activity.delete", { id: entry.id }),
      other,
    ];
    const olderNote = {
      ...batch[0],
      opId: randomUUID(),
      hlc: entry.hlc.replace(/^(\d{13})/, (w) => String(Number(w) - 1000).padStart(13, "0")),
      patch: { notes: "first" },
    };
    const res = await mum.sync([...batch, olderNote]);
    expect(res.body.rejected).toEqual([]);
    expect(await storedEntry(entry.id)).toMatchObject({ details: { amountMl: 75 }, deletedAt: expect.any(Date) });
    expect((await storedEntry(other.id)).notes).toBe("second");
  });

  it("two caregivers editing different fields of one entry offline: both edits survive", async () => {
    const owner = await registerAccount();
    const partner = await memberOf(owner, "parent");
    const child = await createChild(owner);
    const mum = device(owner, "mum");
    const dad = device(partner, "dad");
    const create = createOp(mum, child.id);
    expect((await mum.sync([create])).body.applied).toEqual([create.opId]);

    const mumEdit = mum.op("activity.update", { id: create.id, patch: { details: { amountMl: 90 } } });
    const dadEdit = dad.op("activity.update", { id: create.id, patch: { notes: "spat up a little" } });
    const dadMilk = dad.op("activity.update", { id: create.id, patch: { details: { milk: "breast_milk" } } });
    const r1 = await dad.sync([dadEdit, dadMilk]);
    const r2 = await mum.sync([mumEdit]);
    expect(r1.body.applied).toHaveLength(2);
    expect(r2.body.applied).toEqual([mumEdit.opId]);
    const row = await storedEntry(create.id);
    expect(row.details).toEqual({ method: "bottle", amountMl: 90, milk: "breast_milk" });
    expect(row.notes).toBe("spat up a little");
    expect(row.fieldClocks["details.amountMl"]).toBe(mumEdit.hlc);
    expect(row.fieldClocks.notes).toBe(dadEdit.hlc);
  });

  it("the same field edited on two devices: the higher hlc wins, whichever arrives first", async () => {
    const owner = await registerAccount();
    const partner = await memberOf(owner, "parent");
    const child = await createChild(owner);
    const mum = device(owner, "mum");
    const dad = device(partner, "dad", 5_000); // dad's clock is 5 s ahead: his stamps are higher
    const a = createOp(mum, child.id);
    const b = createOp(mum, child.id);
    await mum.sync([a, b]);

    const mumA = mum.op("activity.update", { id: a.id, patch: { details: { amountMl: 60 } } });
    const dadA = dad.op("activity.update", { id: a.id, patch: { details: { amountMl: 150 } } });
    const mumB = mum.op("activity.update", { id: b.id, patch: { details: { amountMl: 60 } } });
    const dadB = dad.op("activity.update", { id: b.id, patch: { details: { amountMl: 150 } } });
    // Entry a: the winner arrives last; entry b: the winner arrives first.
    await mum.sync([mumA]);
    await dad.sync([dadA, dadB]);
    const late = await mum.sync([mumB]);
    expect(late.body.applied).toEqual([mumB.opId]); // applied: it lost the conflict, it is not an error
    expect((await storedEntry(a.id)).details.amountMl).toBe(150);
    expect((await storedEntry(b.id)).details.amountMl).toBe(150);
  });

  it("delete against a concurrent (even later) edit: the delete wins; the edit is kept for a restore", async () => {
    const owner = await registerAccount();
    const partner = await memberOf(owner, "parent");
    const child = await createChild(owner);
    const mum = device(owner, "mum");
    const dad = device(partner, "dad", 5_000);
    const entry = createOp(mum, child.id);
    await mum.sync([entry]);
    const del = mum.op("activity.delete", { id: entry.id });
    const edit = dad.op("activity.update", { id: entry.id, patch: { details: { amountMl: 80 } } });
    expect(edit.hlc > del.hlc).toBe(true);
    await mum.sync([del]);
    const res = await dad.sync([edit]);
    expect(res.body.applied).toEqual([edit.opId]);
    let row = await storedEntry(entry.id);
    expect(row.deletedAt).not.toBeNull();
    expect(row.details.amountMl).toBe(80);
    expect((await api(owner.token).get(`/api/v1/activities/${entry.id}`)).status).toBe(404);

    // Restoring (newer than the delete) brings it back with the edit.
    const restore = mum.op("activity.restore", { id: entry.id });
    mum.clock.receive(res.body.hlc);
    await mum.sync([mum.op("activity.restore", { id: entry.id }), restore]);
    row = await storedEntry(entry.id);
    expect(row.deletedAt).toBeNull();
    expect(row.details.amountMl).toBe(80);
  });

  it("a REST edit after an offline edit was stamped wins over that stale op", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const phone = device(owner, "phone", -60_000); // stamped a minute ago
    const entry = createOp(phone, child.id);
    await phone.sync([entry]);
    const stale = phone.op("activity.update", { id: entry.id, patch: { details: { amountMl: 70 } } });
    const patched = await api(owner.token).patch(`/api/v1/activities/${entry.id}`, {
      version: 1,
      details: { method: "bottle", amountMl: 200, milk: "formula" },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    await phone.sync([stale]);
    expect((await storedEntry(entry.id)).details.amountMl).toBe(200);
  });

  it("a REST edit made after seeing an op from a device whose clock runs ahead still sorts after it", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const fast = device(owner, "fast", 5 * 60_000); // five minutes ahead, within the allowed drift
    const entry = createOp(fast, child.id);
    const edit = fast.op("activity.update", { id: entry.id, patch: { notes: "from the fast phone" } });
    await fast.sync([entry, edit]);
    const patched = await api(owner.token).patch(`/api/v1/activities/${entry.id}`, { version: 2, notes: "fixed on the web" });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const row = await storedEntry(entry.id);
    expect(row.notes).toBe("fixed on the web");
    expect(row.fieldClocks.notes > edit.hlc).toBe(true);
    // Replaying the device's op (a retry under a new id) does not undo the web edit.
    await fast.sync([{ ...edit, opId: randomUUID() }]);
    expect((await storedEntry(entry.id)).notes).toBe("fixed on the web");
  });

  it("a timer stopped by two caregivers offline makes one entry", async () => {
    const owner = await registerAccount();
    const partner = await memberOf(owner, "caregiver", "nanny");
    const child = await createChild(owner);
    const started = await api(owner.token).post("/api/v1/timers", { childId: child.id, type: "sleep", startedAt: minutesAgo(40) });
    expect(started.status).toBe(201);
    const mum = device(owner, "mum");
    const nanny = device(partner, "nanny");
    const stopAt = minutesAgo(10);
    const byId = mum.op("timer.stop", { timer: { id: started.body.timer.id }, at: stopAt });
    const byKind = nanny.op("timer.stop", { timer: { childId: child.id, type: "sleep" }, at: minutesAgo(5) });
    const [r1, r2] = await Promise.all([mum.sync([byId]), nanny.sync([byKind])]);
    expect(r1.body.applied).toEqual([byId.opId]);
    expect(r2.body.applied).toEqual([byKind.opId]);
    const entries = await query(`SELECT "endedAt" FROM "Activity" WHERE "childId" = $1 AND type = 'sleep'`, [child.id]);
    expect(entries).toHaveLength(1);
    // The entry ends when the caregiver pressed stop, not when the op reached the server.
    expect([Date.parse(stopAt), Date.parse(minutesAgo(5))].some((t) => Math.abs(entries[0].endedAt.getTime() - t) < 120_000)).toBe(true);
  });

  it("a timer started and stopped offline, named by child and kind", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const phone = device(owner, "phone");
    const start = phone.op("timer.start", { timer: { childId: child.id, type: "tummy_time", startedAt: minutesAgo(20) } });
    const stop = phone.op("timer.stop", { timer: { childId: child.id, type: "tummy_time" }, at: minutesAgo(12) });
    const res = await phone.sync([start, stop]);
    expect(res.body.rejected).toEqual([]);
    const [entry] = await query(`SELECT "startedAt", "endedAt" FROM "Activity" WHERE "childId" = $1`, [child.id]);
    expect(Math.round((entry.endedAt.getTime() - entry.startedAt.getTime()) / 60_000)).toBe(8);
    // Retrying the batch changes nothing.
    await phone.sync([start, stop]);
    expect(await query(`SELECT id FROM "Activity" WHERE "childId" = $1`, [child.id])).toHaveLength(1);
    expect(await query(`SELECT id FROM "Timer" WHERE "childId" = $1`, [child.id])).toHaveLength(1);
  });

  it("another family's entry or child is rejected not_found; a viewer is refused", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const stranger = await registerAccount("Stranger");
    const viewer = await memberOf(owner, "viewer");
    const mine = device(owner, "mine");
    const entry = createOp(mine, child.id);
    await mine.sync([entry]);
    const before = await storedEntry(entry.id);

    const other = device(stranger, "other");
    const ops = [
      other.op("activity.update", { id: entry.id, patch: { notes: "hijack" } }),
      other.op("activity.delete", { id: entry.id }),
      createOp(other, child.id),
      other.op("timer.start", { timer: { childId: child.id, type: "sleep" } }),
    ];
    const res = await other.sync(ops);
    expect(res.status).toBe(200);
    expect(res.body.applied).toEqual([]);
    expect(res.body.rejected.map((r: { error: { code: string } }) => r.error.code)).toEqual([
      "not_found:activity",
      "not_found:activity",
      "not_found:child",
      "not_found:child",
    ]);
    expect(res.body.changes.map((c: { familyId: string }) => c.familyId)).toEqual([stranger.familyId]);
    expect(await storedEntry(entry.id)).toEqual(before);

    const watcher = device(viewer, "viewer");
    const refused = await watcher.sync([
      watcher.op("activity.update", { id: entry.id, patch: { notes: "x" } }),
      createOp(watcher, child.id),
    ]);
    expect(refused.body.rejected.map((r: { error: { code: string } }) => r.error.code)).toEqual(["forbidden:activity", "forbidden:child"]);
  });

  it("a bad op is rejected with its fields; the others are applied", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const phone = device(owner, "phone");
    const good1 = createOp(phone, child.id);
    const bad = createOp(phone, child.id, { details: { method: "bottle", amountMl: 9999, milk: "formula" } });
    const badPatch = phone.op("activity.update", { id: good1.id, patch: { details: { method: "breast" } } });
    const future = { ...createOp(phone, child.id), hlc: new HybridClock("phone", () => Date.now() + 3600_000).now() };
    const unknownKind = phone.op("activity.explode", { id: randomUUID() });
    const good2 = createOp(phone, child.id);
    const res = await phone.sync([good1, bad, badPatch, future, unknownKind, good2]);
    expect(res.status).toBe(200);
    expect(res.body.applied).toEqual([good1.opId, good2.opId]);
    const byId = Object.fromEntries(res.body.rejected.map((r: { opId: string; error: unknown }) => [r.opId, r.error]));
    expect(byId[bad.opId]).toMatchObject({ code: "bad_request:activity", fields: { "activity.details.amountMl": expect.any(String) } });
    // A breast feed with a bottle's amount is no valid entry: the patch that would make it is refused.
    expect(byId[badPatch.opId]).toMatchObject({ code: "bad_request:activity" });
    expect(Object.keys(byId[badPatch.opId].fields).every((f) => f.startsWith("patch.details"))).toBe(true);
    expect(byId[future.opId]).toMatchObject({ code: "bad_request:sync", fields: { hlc: expect.any(String) } });
    expect(byId[unknownKind.opId]).toMatchObject({ code: "bad_request:sync" });
    expect(await query(`SELECT id FROM "Activity" WHERE "childId" = $1 ORDER BY id`, [child.id])).toEqual(
      [{ id: good1.id }, { id: good2.id }].sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
    expect((await storedEntry(good1.id)).details).toEqual({ method: "bottle", amountMl: 120, milk: "formula" });

    // A malformed envelope (no op id to answer by) refuses the request.
    expect((await phone.sync([{ hlc: phone.clock.now(), kind: "activity.delete" }])).status).toBe(400);
    expect((await phone.sync(Array.from({ length: 501 }, () => createOp(phone, child.id)))).status).toBe(400);
    // Bodies past the general 64 KiB limit are fine here (500 ops); past SYNC_BODY_LIMIT_BYTES (1 MiB) they are not.
    const big = Array.from({ length: 400 }, () => createOp(phone, child.id, { notes: "n".repeat(200) }));
    expect(JSON.stringify({ ops: big }).length).toBeGreaterThan(128 * 1024);
    expect((await phone.sync(big)).status).toBe(200);
    const huge = await api(owner.token).post("/api/v1/sync", { ops: [], pad: "x".repeat(1100 * 1024) });
    expect(huge.status).toBe(413);
  });

  it("`since` returns exactly the changes after it, tombstones included", async () => {
    const owner = await registerAccount();
    const partner = await memberOf(owner, "parent");
    const child = await createChild(owner);
    const phone = device(owner, "phone");
    const ops = [createOp(phone, child.id), createOp(phone, child.id), createOp(phone, child.id), createOp(phone, child.id)];
    const first = await phone.sync(ops);
    const since = first.body.seq;
    expect(since[owner.familyId]).toBe(await familySeq(owner.familyId));

    const other = api(partner.token);
    const created = await other.post("/api/v1/activities", bottle(child.id));
    await other.patch(`/api/v1/activities/${ops[0].id}`, { version: 1, notes: "edited" });
    await other.delete(`/api/v1/activities/${ops[1].id}`);
    const renamed = await other.patch(`/api/v1/children/${child.id}`, { name: "Evita", version: 1 });
    const timer = await other.post("/api/v1/timers", { childId: child.id, type: "feeding" });

    const next = await phone.sync([], since);
    const family = next.body.changes.find((c: { familyId: string }) => c.familyId === owner.familyId);
    expect(family).toMatchObject({ reset: false, more: false, seq: await familySeq(owner.familyId) });
    expect(family.activities.map((a: { id: string }) => a.id).sort()).toEqual([created.body.activity.id, ops[0].id, ops[1].id].sort());
    const tomb = family.activities.find((a: { id: string }) => a.id === ops[1].id);
    expect(tomb.deletedAt).not.toBeNull();
    expect(tomb.deletedHlc).toMatch(/-srv-/);
    expect(family.activities.find((a: { id: string }) => a.id === ops[0].id).clocks.notes).toMatch(/-srv-/);
    expect(renamed.status).toBe(200);
    expect(family.children.map((c: { id: string; name: string }) => [c.id, c.name])).toEqual([[child.id, "Evita"]]);
    expect(family.timers.map((t: { id: string }) => t.id)).toEqual([timer.body.timer.id]);

    const idle = await phone.sync([], next.body.seq);
    const quiet = idle.body.changes.find((c: { familyId: string }) => c.familyId === owner.familyId);
    expect(quiet).toMatchObject({ activities: [], children: [], timers: [], seq: next.body.seq[owner.familyId] });

    // A first sync: live children, running timers, live entries only.
    const fresh = (await phone.sync([])).body.changes.find((c: { familyId: string }) => c.familyId === owner.familyId);
    expect(fresh.activities).toHaveLength(4);
    expect(fresh.activities.every((a: { deletedAt: string | null }) => a.deletedAt === null)).toBe(true);
    // A seq the server never reached (a restored backup): start over.
    const ahead = (await phone.sync([], { [owner.familyId]: 10_000 })).body.changes.find(
      (c: { familyId: string }) => c.familyId === owner.familyId,
    );
    expect(ahead).toMatchObject({ reset: true, seq: await familySeq(owner.familyId) });
  });
});
