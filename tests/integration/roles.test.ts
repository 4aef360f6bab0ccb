import { describe, expect, it } from "vitest";
import { api, bottle, createChild, memberOf, registerAccount, type ApiResponse } from "../helpers/api";
import { familyState } from "../helpers/db";

type Role = "owner" | "parent" | "caregiver" | "viewer";
type Fixture = Awaited<ReturnType<typeof seed>>;

/** A family with an actor of `role`, a caregiver to manage, two children, the owner's entries and a timer. */
async function seed(role: Role) {
  const owner = await registerAccount("Owner");
  const actor = role === "owner" ? owner : await memberOf(owner, role);
  const target = await memberOf(owner, "caregiver", "target");
  const child = await createChild(owner, { name: "Keep" });
  const spareChild = await createChild(owner, { name: "Spare" });
  const o = api(owner.token);
  const ownersEntry = (await o.post("/api/v1/activities", bottle(child.id))).body.activity;
  const ownersOtherEntry = (await o.post("/api/v1/activities", bottle(child.id))).body.activity;
  const timer = (await o.post("/api/v1/timers", { childId: child.id, type: "sleep" })).body.timer;
  return { owner, actor, target, child, spareChild, ownersEntry, ownersOtherEntry, timer };
}

/** Every write, in an order where each one's target still exists. */
const writes: { name: string; run: (c: ReturnType<typeof api>, f: Fixture) => Promise<ApiResponse> }[] = [
  {
    name: "create child",
    run: (c, f) => c.post("/api/v1/children", { familyId: f.owner.familyId, name: "New", birthDate: "2026-01-02", sex: "male" }),
  },
  { name: "edit child", run: (c, f) => c.patch(`/api/v1/children/${f.child.id}`, { name: "Edited" }) },
  { name: "delete child", run: (c, f) => c.delete(`/api/v1/children/${f.spareChild.id}`) },
  { name: "log entry", run: (c, f) => c.post("/api/v1/activities", bottle(f.child.id)) },
  { name: "edit another's entry", run: (c, f) => c.patch(`/api/v1/activities/${f.ownersEntry.id}`, { version: 1, notes: "edited" }) },
  { name: "delete another's entry", run: (c, f) => c.delete(`/api/v1/activities/${f.ownersOtherEntry.id}`) },
  { name: "start timer", run: (c, f) => c.post("/api/v1/timers", { childId: f.child.id, type: "feeding" }) },
  { name: "act on timer", run: (c, f) => c.patch(`/api/v1/timers/${f.timer.id}`, { action: "pause" }) },
  { name: "invite", run: (c, f) => c.post(`/api/v1/families/${f.owner.familyId}/invites`, { role: "viewer" }) },
  { name: "rename family", run: (c, f) => c.patch(`/api/v1/families/${f.owner.familyId}`, { name: "Renamed" }) },
  {
    name: "change a member's role",
    run: (c, f) => c.patch(`/api/v1/families/${f.owner.familyId}/members/${f.target.userId}`, { role: "viewer" }),
  },
  { name: "remove a member", run: (c, f) => c.delete(`/api/v1/families/${f.owner.familyId}/members/${f.target.userId}`) },
  { name: "delete family", run: (c, f) => c.delete(`/api/v1/families/${f.owner.familyId}`) },
];

const OK = [200, 201, 204];
const allowed: Record<Role, string[]> = {
  owner: writes.map((w) => w.name),
  parent: writes.map((w) => w.name).filter((n) => n !== "delete family"),
  caregiver: ["log entry", "start timer", "act on timer"],
  viewer: [],
};

describe("role matrix", () => {
  for (const role of ["owner", "parent", "caregiver", "viewer"] as const) {
    it(`${role}: allowed writes succeed, the others answer 403 and change nothing`, async () => {
      const f = await seed(role);
      const client = api(f.actor.token);
      for (const write of writes) {
        const before = await familyState(f.owner.familyId);
        const res = await write.run(client, f);
        if (allowed[role].includes(write.name)) {
          expect(OK, `${role} ${write.name}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
        } else {
          expect(res.status, `${role} ${write.name}: ${JSON.stringify(res.body)}`).toBe(403);
          expect(res.body.error.code).toMatch(/^forbidden:/);
          expect(await familyState(f.owner.familyId), `${role} ${write.name} changed data`).toEqual(before);
        }
      }
    });
  }

  for (const role of ["parent", "caregiver", "viewer"] as const) {
    it(`${role} reads everything in the family`, async () => {
      const f = await seed(role);
      const client = api(f.actor.token);
      const reads = [
        `/api/v1/families/${f.owner.familyId}`,
        `/api/v1/children?familyId=${f.owner.familyId}`,
        `/api/v1/children/${f.child.id}`,
        `/api/v1/activities?childId=${f.child.id}`,
        `/api/v1/activities/${f.ownersEntry.id}`,
        `/api/v1/timers?familyId=${f.owner.familyId}`,
        `/api/v1/timers/${f.timer.id}`,
      ];
      for (const path of reads) expect((await client.get(path)).status, path).toBe(200);
      expect((await client.get(`/api/v1/families/${f.owner.familyId}`)).body.family.role).toBe(role);
    });
  }
});

describe("caregivers and their own entries", () => {
  it("a caregiver edits and deletes their own entries, not others'", async () => {
    const owner = await registerAccount();
    const caregiver = await memberOf(owner, "caregiver");
    const otherCaregiver = await memberOf(owner, "caregiver", "other");
    const child = await createChild(owner);
    const c = api(caregiver.token);
    const mine = (await c.post("/api/v1/activities", bottle(child.id))).body.activity;
    const theirs = (await api(otherCaregiver.token).post("/api/v1/activities", bottle(child.id))).body.activity;

    expect((await c.patch(`/api/v1/activities/${mine.id}`, { version: 1, notes: "mine" })).status).toBe(200);
    const before = await familyState(owner.familyId);
    expect((await c.patch(`/api/v1/activities/${theirs.id}`, { version: 1, notes: "theirs" })).status).toBe(403);
    expect((await c.delete(`/api/v1/activities/${theirs.id}`)).status).toBe(403);
    expect(await familyState(owner.familyId)).toEqual(before);
    expect((await c.delete(`/api/v1/activities/${mine.id}`)).status).toBe(204);
  });

  it("a parent edits anyone's entries", async () => {
    const owner = await registerAccount();
    const caregiver = await memberOf(owner, "caregiver");
    const parent = await memberOf(owner, "parent");
    const child = await createChild(owner);
    const entry = (await api(caregiver.token).post("/api/v1/activities", bottle(child.id))).body.activity;
    const edited = await api(parent.token).patch(`/api/v1/activities/${entry.id}`, { version: 1, notes: "checked" });
    expect(edited.status).toBe(200);
    expect(edited.body.activity).toMatchObject({ createdById: caregiver.userId, updatedById: parent.userId });
  });
});

describe("owner-only powers", () => {
  async function family() {
    const owner = await registerAccount();
    const parent = await memberOf(owner, "parent");
    const viewer = await memberOf(owner, "viewer");
    return { owner, parent, viewer };
  }

  it("a parent cannot invite an owner; an owner can", async () => {
    const { owner, parent } = await family();
    const before = await familyState(owner.familyId);
    const res = await api(parent.token).post(`/api/v1/families/${owner.familyId}/invites`, { role: "owner" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden:invite");
    expect(await familyState(owner.familyId)).toEqual(before);
    expect((await api(owner.token).post(`/api/v1/families/${owner.familyId}/invites`, { role: "owner" })).status).toBe(201);
  });

  it("a parent invites parents, caregivers and viewers", async () => {
    const { owner, parent } = await family();
    for (const role of ["parent", "caregiver", "viewer"]) {
      expect((await api(parent.token).post(`/api/v1/families/${owner.familyId}/invites`, { role })).status).toBe(201);
    }
  });

  it("a parent can neither promote to owner nor change an owner's role", async () => {
    const { owner, parent, viewer } = await family();
    const before = await familyState(owner.familyId);
    const promote = await api(parent.token).patch(`/api/v1/families/${owner.familyId}/members/${viewer.userId}`, { role: "owner" });
    const demote = await api(parent.token).patch(`/api/v1/families/${owner.familyId}/members/${owner.userId}`, { role: "viewer" });
    expect([promote.status, demote.status]).toEqual([403, 403]);
    expect(await familyState(owner.familyId)).toEqual(before);
  });

  it("a caregiver or viewer cannot remove anyone, but can leave", async () => {
    const owner = await registerAccount();
    const caregiver = await memberOf(owner, "caregiver");
    const viewer = await memberOf(owner, "viewer");
    const before = await familyState(owner.familyId);
    expect((await api(caregiver.token).delete(`/api/v1/families/${owner.familyId}/members/${viewer.userId}`)).status).toBe(403);
    expect((await api(viewer.token).delete(`/api/v1/families/${owner.familyId}/members/${caregiver.userId}`)).status).toBe(403);
    expect(await familyState(owner.familyId)).toEqual(before);
    expect((await api(viewer.token).delete(`/api/v1/families/${owner.familyId}/members/${viewer.userId}`)).status).toBe(204);
  });
});
