import { describe, expect, it } from "vitest";
import { api, createChild, memberOf, minutesAgo, registerAccount } from "../helpers/api";
import { familyState, query } from "../helpers/db";

async function feedingsOf(childId: string) {
  return query(`SELECT id, details, "startedAt", "endedAt" FROM "Activity" WHERE "childId" = $1 AND type = 'feeding'`, [childId]);
}

describe("timers", () => {
  it("a second device starting the same timer gets the running one (200)", async () => {
    const owner = await registerAccount();
    const partner = await memberOf(owner, "parent");
    const child = await createChild(owner);
    const first = await api(owner.token).post("/api/v1/timers", { childId: child.id, type: "feeding", side: "left" });
    expect(first.status).toBe(201);
    expect(first.body.timer).toMatchObject({
      childId: child.id,
      familyId: owner.familyId,
      type: "feeding",
      state: "running",
      side: "left",
    });

    const second = await api(partner.token).post("/api/v1/timers", { childId: child.id, type: "feeding", side: "right" });
    expect(second.status).toBe(200);
    expect(second.body.timer.id).toBe(first.body.timer.id);
    expect(second.body.timer.side).toBe("left");

    // Another kind of timer for the same child is a separate timer.
    const sleep = await api(partner.token).post("/api/v1/timers", { childId: child.id, type: "sleep" });
    expect(sleep.status).toBe(201);
    const list = await api(partner.token).get(`/api/v1/timers?familyId=${owner.familyId}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((t: { id: string }) => t.id).sort()).toEqual([first.body.timer.id, sleep.body.timer.id].sort());
  });

  it("devices racing to start make one timer", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => api(owner.token).post("/api/v1/timers", { childId: child.id, type: "tummy_time" })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.timer.id)).size).toBe(1);
    expect(await query(`SELECT id FROM "Timer" WHERE "childId" = $1`, [child.id])).toHaveLength(1);
  });

  it("pause, resume, switch_side and stop: one feeding entry with seconds per side", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    const startedAt = minutesAgo(10);
    const { timer } = (await client.post("/api/v1/timers", { childId: child.id, type: "feeding", side: "left", startedAt })).body;
    expect(timer.startedAt).toBe(new Date(startedAt).toISOString());
    expect(timer.elapsedSeconds).toBeGreaterThanOrEqual(600);

    const paused = await client.patch(`/api/v1/timers/${timer.id}`, { action: "pause" });
    expect(paused.status).toBe(200);
    expect(paused.body.timer).toMatchObject({ state: "paused", side: "left", version: 2 });
    expect(paused.body.activity).toBeNull();
    expect(paused.body.timer.segments).toHaveLength(1);
    expect(paused.body.timer.segments[0].endedAt).not.toBeNull();
    const leftSoFar = paused.body.timer.elapsedSeconds;
    expect(leftSoFar).toBeGreaterThanOrEqual(600);

    // Paused: elapsed time stands still.
    expect((await client.get(`/api/v1/timers/${timer.id}`)).body.timer.elapsedSeconds).toBe(leftSoFar);

    const resumed = await client.patch(`/api/v1/timers/${timer.id}`, { action: "resume" });
    expect(resumed.body.timer).toMatchObject({ state: "running", side: "left", version: 3 });
    expect(resumed.body.timer.segments).toHaveLength(2);

    const switched = await client.patch(`/api/v1/timers/${timer.id}`, { action: "switch_side" });
    expect(switched.body.timer).toMatchObject({ state: "running", side: "right", version: 4 });
    expect(switched.body.timer.segments.map((s: { side: string }) => s.side)).toEqual(["left", "left", "right"]);

    const stopped = await client.patch(`/api/v1/timers/${timer.id}`, { action: "stop" });
    expect(stopped.status).toBe(200);
    const { timer: done, activity } = stopped.body;
    expect(done).toMatchObject({ state: "stopped", activityId: activity.id, version: 5 });
    expect(activity).toMatchObject({
      type: "feeding",
      childId: child.id,
      createdById: owner.userId,
      startedAt: done.startedAt,
      endedAt: done.stoppedAt,
    });
    expect(activity.details).toMatchObject({ method: "breast", lastSide: "right" });
    expect(activity.details.leftSeconds).toBeGreaterThanOrEqual(leftSoFar);
    expect(activity.details.rightSeconds).toBeGreaterThanOrEqual(0);
    expect(activity.details.leftSeconds + activity.details.rightSeconds).toBe(done.elapsedSeconds);

    expect(await feedingsOf(child.id)).toHaveLength(1);
    expect((await client.get(`/api/v1/timers?familyId=${owner.familyId}`)).body.items).toEqual([]);
    expect((await client.get(`/api/v1/activities/${activity.id}`)).body.activity).toEqual(activity);
  });

  it("a second stop returns the same entry; other actions on a stopped timer are 409", async () => {
    const owner = await registerAccount();
    const partner = await memberOf(owner, "caregiver");
    const child = await createChild(owner);
    const { timer } = (await api(owner.token).post("/api/v1/timers", { childId: child.id, type: "feeding" })).body;
    const first = await api(owner.token).patch(`/api/v1/timers/${timer.id}`, { action: "stop" });
    expect(first.status).toBe(200);
    const before = await familyState(owner.familyId);

    const second = await api(partner.token).patch(`/api/v1/timers/${timer.id}`, { action: "stop" });
    expect(second.status).toBe(200);
    expect(second.body.activity).toEqual(first.body.activity);
    expect(second.body.timer.id).toBe(timer.id);
    for (const action of ["pause", "resume", "switch_side"]) {
      const res = await api(owner.token).patch(`/api/v1/timers/${timer.id}`, { action });
      expect(res.status, action).toBe(409);
      expect(res.body.error.code).toBe("conflict:timer");
    }
    expect(await familyState(owner.familyId)).toEqual(before);
  });

  it("two devices stopping at once make exactly one entry", async () => {
    const owner = await registerAccount();
    const partner = await memberOf(owner, "parent");
    const child = await createChild(owner);
    const { timer } = (await api(owner.token).post("/api/v1/timers", { childId: child.id, type: "feeding" })).body;
    const results = await Promise.all(
      [owner, partner, owner, partner].map((who) => api(who.token).patch(`/api/v1/timers/${timer.id}`, { action: "stop" })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(results.map((r) => r.body.activity.id)).size).toBe(1);
    expect(await feedingsOf(child.id)).toHaveLength(1);
  });

  it("a new timer can start once the previous one stopped", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    const first = (await client.post("/api/v1/timers", { childId: child.id, type: "sleep" })).body.timer;
    await client.patch(`/api/v1/timers/${first.id}`, { action: "stop" });
    const next = await client.post("/api/v1/timers", { childId: child.id, type: "sleep" });
    expect(next.status).toBe(201);
    expect(next.body.timer.id).not.toBe(first.id);
  });

  it("suggests the other breast than the last feed ended on", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    const first = (await client.post("/api/v1/timers", { childId: child.id, type: "feeding", startedAt: minutesAgo(30) })).body.timer;
    expect(first.side).toBe("left");
    await client.patch(`/api/v1/timers/${first.id}`, { action: "stop" });
    const second = (await client.post("/api/v1/timers", { childId: child.id, type: "feeding" })).body.timer;
    expect(second.side).toBe("right");
  });

  it("stopping non-feeding timers writes entries of their type", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    for (const type of ["sleep", "pumping", "tummy_time"]) {
      const { timer } = (await client.post("/api/v1/timers", { childId: child.id, type, startedAt: minutesAgo(5) })).body;
      expect(timer.side).toBeNull();
      const switched = await client.patch(`/api/v1/timers/${timer.id}`, { action: "switch_side" });
      expect(switched.status).toBe(400);
      expect(Object.keys(switched.body.error.fields)).toEqual(["action"]);
      const stopped = await client.patch(`/api/v1/timers/${timer.id}`, { action: "stop" });
      expect(stopped.status).toBe(200);
      expect(stopped.body.activity).toMatchObject({ type, details: {} });
      expect(Date.parse(stopped.body.activity.endedAt) - Date.parse(stopped.body.activity.startedAt)).toBeGreaterThanOrEqual(5 * 60_000);
    }
  });

  it("refuses invalid starts and actions, naming the field", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    const before = await familyState(owner.familyId);
    const cases: [unknown, string][] = [
      [{ childId: child.id, type: "bath" }, "type"],
      [{ childId: child.id, type: "sleep", side: "left" }, "side"],
      [{ childId: child.id, type: "feeding", side: "middle" }, "side"],
      [{ childId: child.id, type: "sleep", startedAt: new Date(Date.now() + 3 * 3600_000).toISOString() }, "startedAt"],
      [{ childId: child.id, type: "sleep", startedAt: minutesAgo(25 * 60) }, "startedAt"],
      [{ childId: child.id, type: "sleep", startedAt: "now" }, "startedAt"],
      [{ childId: "nope", type: "sleep" }, "childId"],
      [{ type: "sleep" }, "childId"],
    ];
    for (const [body, field] of cases) {
      const res = await client.post("/api/v1/timers", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.error.fields)).toContain(field);
    }
    const { timer } = (await client.post("/api/v1/timers", { childId: child.id, type: "sleep" })).body;
    const afterStart = await familyState(owner.familyId);
    for (const body of [{ action: "explode" }, {}, { action: "stop", at: "now" }]) {
      const res = await client.patch(`/api/v1/timers/${timer.id}`, body);
      expect(res.status).toBe(400);
    }
    expect(await familyState(owner.familyId)).toEqual(afterStart);
    expect(afterStart.Timer).toHaveLength(before.Timer.length + 1);
  });

  it("lists need a familyId", async () => {
    const owner = await registerAccount();
    const res = await api(owner.token).get("/api/v1/timers");
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(["familyId"]);
  });
});
