import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { api, bottle, createChild, joinFamily, memberOf, minutesAgo, registerAccount } from "../helpers/api";
import { familyEvents, familySeq } from "../helpers/db";
import { subscribeFamily, type PublishedEvent } from "../helpers/events";

const subscriptions: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(subscriptions.splice(0).map((s) => s.close()));
});

async function listen(familyId: string) {
  const sub = await subscribeFamily(familyId);
  subscriptions.push(sub);
  return sub;
}

function expectWellFormed(event: PublishedEvent, familyId: string) {
  expect(Object.keys(event).sort()).toEqual(["actorId", "at", "data", "familyId", "seq", "type"]);
  expect(event.familyId).toBe(familyId);
  expect(Number.isInteger(event.seq)).toBe(true);
  expect(new Date(event.at).toISOString()).toBe(event.at);
  expect(typeof event.data).toBe("object");
}

describe("family events", () => {
  it("every write advances seq by one, is published on Redis and stored in FamilyEvent", async () => {
    const owner = await registerAccount();
    const partner = await registerAccount("Partner");
    const sub = await listen(owner.familyId);
    const o = api(owner.token);
    const start = await familySeq(owner.familyId);

    const child = await createChild(owner);
    const childV2 = (await o.patch(`/api/v1/children/${child.id}`, { name: "Eva Luna" })).body.child;
    const created = (await o.post("/api/v1/activities", bottle(child.id))).body.activity;
    const updated = (await o.patch(`/api/v1/activities/${created.id}`, { version: 1, notes: "burped" })).body.activity;
    expect((await o.delete(`/api/v1/activities/${created.id}`)).status).toBe(204);
    const timer = (await o.post("/api/v1/timers", { childId: child.id, type: "feeding", startedAt: minutesAgo(3) })).body.timer;
    for (const action of ["pause", "resume", "switch_side"])
      expect((await o.patch(`/api/v1/timers/${timer.id}`, { action })).status).toBe(200);
    const stopped = (await o.patch(`/api/v1/timers/${timer.id}`, { action: "stop" })).body;
    expect((await o.patch(`/api/v1/families/${owner.familyId}`, { name: "Renamed" })).status).toBe(200);
    await joinFamily(owner, partner, "viewer");
    expect((await o.patch(`/api/v1/families/${owner.familyId}/members/${partner.userId}`, { role: "parent" })).status).toBe(200);
    expect((await o.delete(`/api/v1/families/${owner.familyId}/members/${partner.userId}`)).status).toBe(204);
    expect((await o.delete(`/api/v1/children/${child.id}`)).status).toBe(204);

    const expected: [string, string][] = [
      ["child.created", owner.userId],
      ["child.updated", owner.userId],
      ["activity.created", owner.userId],
      ["activity.updated", owner.userId],
      ["activity.deleted", owner.userId],
      ["timer.started", owner.userId],
      ["timer.paused", owner.userId],
      ["timer.resumed", owner.userId],
      ["timer.side_switched", owner.userId],
      ["activity.created", owner.userId],
      ["timer.stopped", owner.userId],
      ["family.updated", owner.userId],
      ["membership.added", partner.userId],
      ["membership.updated", owner.userId],
      ["membership.removed", owner.userId],
      ["child.deleted", owner.userId],
    ];
    const published = await sub.waitFor(expected.length);
    expect(published.map((e) => [e.type, e.actorId])).toEqual(expected);
    published.forEach((event, i) => {
      expectWellFormed(event, owner.familyId);
      expect(event.seq).toBe(start + i + 1);
    });
    expect(await familySeq(owner.familyId)).toBe(start + expected.length);

    // The stored log is the published stream.
    const stored = await familyEvents(owner.familyId);
    expect(stored.map((e) => ({ seq: e.seq, type: e.type, actorId: e.actorId, data: e.payload }))).toEqual(
      published.map((e) => ({ seq: e.seq, type: e.type, actorId: e.actorId, data: e.data })),
    );

    // Rows carry the seq of their last change, and events carry the row.
    expect(published[0].data.child).toMatchObject({ id: child.id, seq: published[0].seq });
    expect(published[1].data.child).toEqual(childV2);
    expect(published[2].data.activity).toEqual(created);
    expect(published[3].data.activity).toEqual(updated);
    expect(published[4].data).toEqual({ id: created.id, childId: child.id });
    expect(published[5].data.timer).toEqual(timer);
    expect(published[9].data.activity).toEqual(stopped.activity);
    expect(published[10].data).toEqual({ timer: stopped.timer, activityId: stopped.activity.id });
    expect(published[10].data.timer.seq).toBe(published[10].seq);
    expect(published[11].data).toEqual({ name: "Renamed" });
    expect(published[12].data).toEqual({ userId: partner.userId, role: "viewer" });
    expect(published[13].data).toEqual({ userId: partner.userId, role: "parent" });
    expect(published[14].data).toEqual({ userId: partner.userId });
    expect(published[15].data).toEqual({ childId: child.id });
  });

  it("refused writes neither advance seq nor publish", async () => {
    const owner = await registerAccount();
    const viewer = await memberOf(owner, "viewer");
    const outsider = await registerAccount("Outsider");
    const child = await createChild(owner);
    const activity = (await api(owner.token).post("/api/v1/activities", bottle(child.id))).body.activity;
    expect((await api(owner.token).patch(`/api/v1/activities/${activity.id}`, { version: 1, notes: "v2" })).status).toBe(200);
    const sub = await listen(owner.familyId);
    const seq = await familySeq(owner.familyId);

    const refused = [
      await api(owner.token).post(
        "/api/v1/activities",
        bottle(child.id, { details: { method: "bottle", amountMl: 5000, milk: "formula" } }),
      ),
      await api(owner.token).patch(`/api/v1/activities/${activity.id}`, { version: 1, notes: "stale" }),
      await api(viewer.token).post("/api/v1/activities", bottle(child.id)),
      await api(viewer.token).patch(`/api/v1/families/${owner.familyId}`, { name: "Nope" }),
      await api(outsider.token).delete(`/api/v1/activities/${activity.id}`),
      await api(owner.token).delete(`/api/v1/families/${owner.familyId}/members/${owner.userId}`),
      await api(owner.token).post("/api/v1/activities", "{not json", { "content-type": "application/json" }),
    ];
    expect(refused.map((r) => r.status)).toEqual([400, 409, 403, 403, 404, 409, 400]);
    expect(await familySeq(owner.familyId)).toBe(seq);

    const next = (await api(owner.token).post("/api/v1/activities", bottle(child.id))).body.activity;
    const [first] = await sub.waitFor(1);
    expect(first).toMatchObject({ type: "activity.created", seq: seq + 1, data: { activity: { id: next.id } } });
    expect(next.seq).toBe(seq + 1);
  });

  it("an idempotent retry publishes nothing new", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const sub = await listen(owner.familyId);
    const id = randomUUID();
    expect((await api(owner.token).post("/api/v1/activities", bottle(child.id, { id }))).status).toBe(201);
    expect((await api(owner.token).post("/api/v1/activities", bottle(child.id, { id }))).status).toBe(200);
    const marker = await api(owner.token).patch(`/api/v1/children/${child.id}`, { name: "Marker" });
    const events = await sub.waitFor(2);
    expect(events.map((e) => e.type)).toEqual(["activity.created", "child.updated"]);
    expect(events[1].seq).toBe(marker.body.child.seq);
  });

  it("concurrent writers get distinct, gap-free seqs", async () => {
    const owner = await registerAccount();
    const parent = await memberOf(owner, "parent");
    const caregiver = await memberOf(owner, "caregiver");
    const child = await createChild(owner);
    const sub = await listen(owner.familyId);
    const start = await familySeq(owner.familyId);
    const writers = [owner, parent, caregiver];
    const results = await Promise.all(
      Array.from({ length: 15 }, (_, i) => api(writers[i % 3].token).post("/api/v1/activities", bottle(child.id))),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const seqs = results.map((r) => r.body.activity.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 15 }, (_, i) => start + i + 1));
    // Each request publishes after its own commit, so arrival order may differ from seq order.
    const published = await sub.waitFor(15);
    expect(published.map((e) => e.seq).sort((a, b) => a - b)).toEqual(seqs);
    expect((await familyEvents(owner.familyId)).slice(-15).map((e) => e.seq)).toEqual(seqs);
  });

  it("events go only to their own family's channel", async () => {
    const a = await registerAccount("A");
    const b = await registerAccount("B");
    const subB = await listen(b.familyId);
    await createChild(a);
    const childB = await createChild(b);
    const [only] = await subB.waitFor(1);
    expect(only).toMatchObject({ type: "child.created", familyId: b.familyId, data: { child: { id: childB.id } } });
    expect(subB.events.every((e) => e.familyId === b.familyId)).toBe(true);
  });

  it("deleting a family publishes family.deleted", async () => {
    const owner = await registerAccount();
    await createChild(owner);
    const seq = await familySeq(owner.familyId);
    const sub = await listen(owner.familyId);
    expect((await api(owner.token).delete(`/api/v1/families/${owner.familyId}`)).status).toBe(204);
    const [event] = await sub.waitFor(1);
    expectWellFormed(event, owner.familyId);
    expect(event).toMatchObject({ type: "family.deleted", actorId: owner.userId });
    expect(event.seq).toBeGreaterThan(seq);
  });
});
