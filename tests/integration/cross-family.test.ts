import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api, bottle, createChild, memberOf, registerAccount, type Account, type ApiResponse } from "../helpers/api";
import { familyState, userState } from "../helpers/db";

type Ids = { familyId: string; childId: string; activityId: string; timerId: string; userId: string; tokenId: string };
type Call = { name: string; run: (client: ReturnType<typeof api>, ids: Ids) => Promise<ApiResponse> };

/**
 * Every endpoint that takes a family, child, activity, timer, member or token id, each with a body
 * that would be valid for the owner, so only the id decides the answer.
 */
const calls: Call[] = [
  { name: "GET family", run: (c, ids) => c.get(`/api/v1/families/${ids.familyId}`) },
  { name: "PATCH family", run: (c, ids) => c.patch(`/api/v1/families/${ids.familyId}`, { name: "Taken over" }) },
  { name: "DELETE family", run: (c, ids) => c.delete(`/api/v1/families/${ids.familyId}`) },
  { name: "POST invite", run: (c, ids) => c.post(`/api/v1/families/${ids.familyId}/invites`, { role: "viewer" }) },
  { name: "PATCH member", run: (c, ids) => c.patch(`/api/v1/families/${ids.familyId}/members/${ids.userId}`, { role: "viewer" }) },
  { name: "DELETE member", run: (c, ids) => c.delete(`/api/v1/families/${ids.familyId}/members/${ids.userId}`) },
  { name: "GET children", run: (c, ids) => c.get(`/api/v1/children?familyId=${ids.familyId}`) },
  {
    name: "POST child",
    run: (c, ids) => c.post("/api/v1/children", { familyId: ids.familyId, name: "Intruder", birthDate: "2026-01-01", sex: "male" }),
  },
  { name: "GET child", run: (c, ids) => c.get(`/api/v1/children/${ids.childId}`) },
  { name: "PATCH child", run: (c, ids) => c.patch(`/api/v1/children/${ids.childId}`, { name: "Renamed" }) },
  { name: "DELETE child", run: (c, ids) => c.delete(`/api/v1/children/${ids.childId}`) },
  { name: "GET activities", run: (c, ids) => c.get(`/api/v1/activities?childId=${ids.childId}`) },
  { name: "POST activity", run: (c, ids) => c.post("/api/v1/activities", bottle(ids.childId)) },
  { name: "GET activity", run: (c, ids) => c.get(`/api/v1/activities/${ids.activityId}`) },
  { name: "PATCH activity", run: (c, ids) => c.patch(`/api/v1/activities/${ids.activityId}`, { version: 1, notes: "mine now" }) },
  { name: "DELETE activity", run: (c, ids) => c.delete(`/api/v1/activities/${ids.activityId}`) },
  { name: "GET timers", run: (c, ids) => c.get(`/api/v1/timers?familyId=${ids.familyId}`) },
  { name: "POST timer", run: (c, ids) => c.post("/api/v1/timers", { childId: ids.childId, type: "feeding" }) },
  { name: "GET timer", run: (c, ids) => c.get(`/api/v1/timers/${ids.timerId}`) },
  { name: "PATCH timer", run: (c, ids) => c.patch(`/api/v1/timers/${ids.timerId}`, { action: "stop" }) },
  { name: "DELETE token", run: (c, ids) => c.delete(`/api/v1/tokens/${ids.tokenId}`) },
];

describe("another family's ids answer 404 on every endpoint", () => {
  let victim: Account;
  let victimIds: Ids;
  let attacker: Account;

  beforeAll(async () => {
    victim = await registerAccount("Victim");
    const partner = await memberOf(victim, "parent", "partner");
    const child = await createChild(victim);
    const activity = (await api(victim.token).post("/api/v1/activities", bottle(child.id))).body.activity;
    const timer = (await api(victim.token).post("/api/v1/timers", { childId: child.id, type: "sleep" })).body.timer;
    const token = (await api(victim.token).post("/api/v1/tokens", { label: "phone" })).body;
    victimIds = {
      familyId: victim.familyId,
      childId: child.id,
      activityId: activity.id,
      timerId: timer.id,
      userId: partner.userId,
      tokenId: token.id,
    };
    attacker = await registerAccount("Attacker");
    // The attacker is an owner elsewhere, with data of their own: roles do not carry across families.
    await createChild(attacker);
  });

  for (const call of calls) {
    it(`${call.name}: 404, indistinguishable from an id that does not exist`, async () => {
      const client = api(attacker.token);
      const before = await familyState(victim.familyId);
      const res = await call.run(client, victimIds);
      expect(res.status, JSON.stringify(res.body)).toBe(404);
      expect(res.body.error.code).toMatch(/^not_found:/);

      const random: Ids = {
        familyId: randomUUID(),
        childId: randomUUID(),
        activityId: randomUUID(),
        timerId: randomUUID(),
        userId: randomUUID(),
        tokenId: randomUUID(),
      };
      const missing = await call.run(client, random);
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual(res.body);
      expect(await familyState(victim.familyId)).toEqual(before);
    });
  }

  it("another family's member cannot be touched through one's own family", async () => {
    const client = api(attacker.token);
    const before = await userState(victimIds.userId);
    const patch = await client.patch(`/api/v1/families/${attacker.familyId}/members/${victimIds.userId}`, { role: "viewer" });
    const remove = await client.delete(`/api/v1/families/${attacker.familyId}/members/${victimIds.userId}`);
    expect([patch.status, remove.status]).toEqual([404, 404]);
    expect(await userState(victimIds.userId)).toEqual(before);
  });

  it("the victim's data is all still there and reachable by its owner", async () => {
    const client = api(victim.token);
    expect((await client.get(`/api/v1/children/${victimIds.childId}`)).status).toBe(200);
    expect((await client.get(`/api/v1/activities/${victimIds.activityId}`)).body.activity.notes).toBeNull();
    expect((await client.get(`/api/v1/timers/${victimIds.timerId}`)).body.timer.state).toBe("running");
    expect((await client.get("/api/v1/tokens")).body.items.map((t: { id: string }) => t.id)).toContain(victimIds.tokenId);
    expect((await client.get(`/api/v1/families/${victim.familyId}`)).body.family.members).toHaveLength(2);
  });

  it("ids that are not uuids answer 404 too", async () => {
    const client = api(attacker.token);
    for (const path of [
      "/api/v1/children/123",
      "/api/v1/activities/abc",
      "/api/v1/timers/1%27%20OR%201=1",
      "/api/v1/families/..%2F..%2Fetc",
    ]) {
      const res = await client.get(path);
      expect(res.status, path).toBe(404);
    }
    expect((await client.get("/api/v1/children?familyId=not-a-uuid")).status).toBe(404);
  });
});
