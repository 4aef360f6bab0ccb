import { describe, expect, it } from "vitest";
import { api, bottle, createChild, joinFamily, memberOf, registerAccount } from "../helpers/api";
import { familyState, query } from "../helpers/db";

describe("families", () => {
  it("registration makes the user owner of a first family", async () => {
    const owner = await registerAccount("Ana");
    const list = await api(owner.token).get("/api/v1/families");
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([{ id: owner.familyId, name: expect.stringContaining("Ana"), role: "owner" }]);
    const family = await api(owner.token).get(`/api/v1/families/${owner.familyId}`);
    expect(family.status).toBe(200);
    expect(family.body.family).toMatchObject({ id: owner.familyId, role: "owner", seq: 0 });
    expect(family.body.family.members).toEqual([
      expect.objectContaining({ userId: owner.userId, email: owner.email, name: "Ana", role: "owner" }),
    ]);
  });

  it("creates another family owned by the creator", async () => {
    const owner = await registerAccount();
    const created = await api(owner.token).post("/api/v1/families", { name: "Grandparents" });
    expect(created.status).toBe(201);
    expect(created.body.family).toMatchObject({ name: "Grandparents", role: "owner" });
    const list = await api(owner.token).get("/api/v1/families");
    expect(list.body.items.map((f: { id: string }) => f.id)).toEqual([owner.familyId, created.body.family.id]);
  });

  it("renames a family", async () => {
    const owner = await registerAccount();
    const res = await api(owner.token).patch(`/api/v1/families/${owner.familyId}`, { name: "  The Garcías " });
    expect(res.status).toBe(200);
    expect(res.body.family).toMatchObject({ id: owner.familyId, name: "The Garcías" });
  });

  it("deletes a family with everything in it", async () => {
    const owner = await registerAccount();
    const parent = await memberOf(owner, "parent");
    const child = await createChild(owner);
    expect((await api(owner.token).post("/api/v1/activities", bottle(child.id))).status).toBe(201);
    expect((await api(owner.token).delete(`/api/v1/families/${owner.familyId}`)).status).toBe(204);
    expect((await api(owner.token).get(`/api/v1/families/${owner.familyId}`)).status).toBe(404);
    expect((await api(parent.token).get(`/api/v1/children/${child.id}`)).status).toBe(404);
    expect((await api(parent.token).get("/api/v1/families")).body.items).toEqual([expect.objectContaining({ id: parent.familyId })]);
    expect(await query(`SELECT id FROM "Activity" WHERE "childId" = $1`, [child.id])).toEqual([]);
  });

  it("writes racing with the family's deletion get 2xx or 404, never 5xx", async () => {
    const race = async () => {
      const owner = await registerAccount();
      const child = await createChild(owner);
      const client = api(owner.token);
      const writes = () => [
        client.post("/api/v1/activities", bottle(child.id)),
        client.patch(`/api/v1/children/${child.id}`, { name: "Racing" }),
        client.post("/api/v1/timers", { childId: child.id, type: "sleep" }),
        client.get(`/api/v1/activities?childId=${child.id}`),
      ];
      const results = await Promise.all([...writes(), client.delete(`/api/v1/families/${owner.familyId}`), ...writes(), ...writes()]);
      expect(results[4].status).toBe(204);
      expect(await query(`SELECT id FROM "Child" WHERE id = $1`, [child.id])).toEqual([]);
      return results;
    };
    const results = (await Promise.all([race(), race(), race(), race()])).flat();
    for (const res of results) expect([200, 201, 204, 404], JSON.stringify(res.body)).toContain(res.status);
  });
});

describe("invites", () => {
  it("an invite is accepted once, with its role", async () => {
    const owner = await registerAccount();
    const sent = Date.now();
    const invite = await api(owner.token).post(`/api/v1/families/${owner.familyId}/invites`, { role: "caregiver", expiresInHours: 2 });
    const answered = Date.now();
    expect(invite.status).toBe(201);
    expect(invite.body).toMatchObject({ role: "caregiver", url: expect.stringContaining(`/invite/${invite.body.code}`) });
    // Two hours from when the server handled it.
    expect(Date.parse(invite.body.expiresAt)).toBeGreaterThanOrEqual(sent + 2 * 3600_000 - 1000);
    expect(Date.parse(invite.body.expiresAt)).toBeLessThanOrEqual(answered + 2 * 3600_000 + 1000);

    const nanny = await registerAccount("Nanny");
    const accepted = await api(nanny.token).post(`/api/v1/invites/${invite.body.code}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.role).toBe("caregiver");
    expect(accepted.body.family).toMatchObject({ id: owner.familyId, role: "caregiver" });
    expect(accepted.body.family.members.map((m: { userId: string }) => m.userId)).toEqual([owner.userId, nanny.userId]);

    const late = await registerAccount("Late");
    const reused = await api(late.token).post(`/api/v1/invites/${invite.body.code}/accept`);
    expect(reused.status).toBe(404);
    expect(reused.body.error.code).toBe("not_found:invite");
  });

  it("unknown and malformed codes answer 404", async () => {
    const someone = await registerAccount();
    for (const code of ["AAAAAAAAAAAAAAAA", "short", "has%20spaces%20in%20it", "x".repeat(300)]) {
      const res = await api(someone.token).post(`/api/v1/invites/${code}/accept`);
      expect(res.status, code).toBe(404);
      expect(res.body.error.code).toBe("not_found:invite");
    }
  });

  it("two people racing for one code: one joins, the other gets 404", async () => {
    const owner = await registerAccount();
    const code = (await api(owner.token).post(`/api/v1/families/${owner.familyId}/invites`, { role: "viewer" })).body.code;
    const [a, b] = await Promise.all([registerAccount("A"), registerAccount("B")]);
    const results = await Promise.all([a, b].map((who) => api(who.token).post(`/api/v1/invites/${code}/accept`)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 404]);
    expect((await api(owner.token).get(`/api/v1/families/${owner.familyId}`)).body.family.members).toHaveLength(2);
  });

  it("a member accepting another invite to the same family gets 409", async () => {
    const owner = await registerAccount();
    const member = await memberOf(owner, "viewer");
    const code = (await api(owner.token).post(`/api/v1/families/${owner.familyId}/invites`, { role: "parent" })).body.code;
    const res = await api(member.token).post(`/api/v1/invites/${code}/accept`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("conflict:membership");
  });

  it("an invite addressed to an email is only for that account", async () => {
    const owner = await registerAccount();
    const intended = await registerAccount("Intended");
    const code = (
      await api(owner.token).post(`/api/v1/families/${owner.familyId}/invites`, { role: "parent", email: intended.email.toUpperCase() })
    ).body.code;
    const stranger = await registerAccount("Stranger");
    expect((await api(stranger.token).post(`/api/v1/invites/${code}/accept`)).status).toBe(404);
    expect((await api(intended.token).post(`/api/v1/invites/${code}/accept`)).status).toBe(200);
  });
});

describe("members", () => {
  it("a removed member gets 404 on the family's data at once", async () => {
    const owner = await registerAccount();
    const parent = await memberOf(owner, "parent");
    const child = await createChild(owner);
    const activity = (await api(owner.token).post("/api/v1/activities", bottle(child.id))).body.activity;
    const timer = (await api(owner.token).post("/api/v1/timers", { childId: child.id, type: "sleep" })).body.timer;
    const client = api(parent.token);
    expect((await client.get(`/api/v1/children?familyId=${owner.familyId}`)).status).toBe(200);

    expect((await api(owner.token).delete(`/api/v1/families/${owner.familyId}/members/${parent.userId}`)).status).toBe(204);

    expect((await client.get(`/api/v1/children?familyId=${owner.familyId}`)).status).toBe(404);
    expect((await client.get(`/api/v1/children/${child.id}`)).status).toBe(404);
    expect((await client.get(`/api/v1/activities?childId=${child.id}`)).status).toBe(404);
    expect((await client.get(`/api/v1/activities/${activity.id}`)).status).toBe(404);
    expect((await client.get(`/api/v1/timers/${timer.id}`)).status).toBe(404);
    expect((await client.get(`/api/v1/families/${owner.familyId}`)).status).toBe(404);
    expect((await client.post("/api/v1/activities", bottle(child.id))).status).toBe(404);
    expect((await client.get("/api/v1/families")).body.items.map((f: { id: string }) => f.id)).toEqual([parent.familyId]);
  });

  it("a member can leave; the last owner cannot (409)", async () => {
    const owner = await registerAccount();
    const viewer = await memberOf(owner, "viewer");
    expect((await api(viewer.token).delete(`/api/v1/families/${owner.familyId}/members/${viewer.userId}`)).status).toBe(204);
    expect((await api(viewer.token).get(`/api/v1/families/${owner.familyId}`)).status).toBe(404);

    const before = await familyState(owner.familyId);
    const leave = await api(owner.token).delete(`/api/v1/families/${owner.familyId}/members/${owner.userId}`);
    expect(leave.status).toBe(409);
    expect(leave.body.error.code).toBe("conflict:owner");
    expect(await familyState(owner.familyId)).toEqual(before);
  });

  it("an owner can leave when another owner remains", async () => {
    const owner = await registerAccount();
    const coOwner = await memberOf(owner, "owner");
    expect((await api(owner.token).delete(`/api/v1/families/${owner.familyId}/members/${owner.userId}`)).status).toBe(204);
    const family = await api(coOwner.token).get(`/api/v1/families/${owner.familyId}`);
    expect(family.body.family.members.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [coOwner.userId, "owner"],
    ]);
  });

  it("a parent cannot remove an owner (403); an owner can remove a co-owner", async () => {
    const owner = await registerAccount();
    const coOwner = await memberOf(owner, "owner");
    const parent = await memberOf(owner, "parent");
    const before = await familyState(owner.familyId);
    const res = await api(parent.token).delete(`/api/v1/families/${owner.familyId}/members/${owner.userId}`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("forbidden:member");
    expect(await familyState(owner.familyId)).toEqual(before);
    expect((await api(owner.token).delete(`/api/v1/families/${owner.familyId}/members/${coOwner.userId}`)).status).toBe(204);
  });

  it("a parent removes a caregiver", async () => {
    const owner = await registerAccount();
    const parent = await memberOf(owner, "parent");
    const caregiver = await memberOf(owner, "caregiver");
    expect((await api(parent.token).delete(`/api/v1/families/${owner.familyId}/members/${caregiver.userId}`)).status).toBe(204);
    expect((await api(caregiver.token).get(`/api/v1/families/${owner.familyId}`)).status).toBe(404);
  });

  it("removing someone who is not a member answers 404", async () => {
    const owner = await registerAccount();
    const outsider = await registerAccount();
    const res = await api(owner.token).delete(`/api/v1/families/${owner.familyId}/members/${outsider.userId}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found:member");
  });

  it("roles change: owners promote to owner, the last owner cannot step down", async () => {
    const owner = await registerAccount();
    const viewer = await memberOf(owner, "viewer");
    const promoted = await api(owner.token).patch(`/api/v1/families/${owner.familyId}/members/${viewer.userId}`, { role: "parent" });
    expect(promoted.status).toBe(200);
    expect(promoted.body.family.members.find((m: { userId: string }) => m.userId === viewer.userId).role).toBe("parent");
    // Now a parent, the former viewer may write.
    const child = await createChild(owner);
    expect((await api(viewer.token).post("/api/v1/activities", bottle(child.id))).status).toBe(201);

    const stepDown = await api(owner.token).patch(`/api/v1/families/${owner.familyId}/members/${owner.userId}`, { role: "parent" });
    expect(stepDown.status).toBe(409);
    expect(stepDown.body.error.code).toBe("conflict:owner");

    const toOwner = await api(owner.token).patch(`/api/v1/families/${owner.familyId}/members/${viewer.userId}`, { role: "owner" });
    expect(toOwner.status).toBe(200);
    expect((await api(owner.token).patch(`/api/v1/families/${owner.familyId}/members/${owner.userId}`, { role: "parent" })).status).toBe(
      200,
    );
  });

  it("the same person accepting two invites at once joins once; the other answers 409", async () => {
    const owner = await registerAccount();
    const invitee = await registerAccount("Twice");
    const codes = await Promise.all(
      ["viewer", "parent"].map(
        async (role) => (await api(owner.token).post(`/api/v1/families/${owner.familyId}/invites`, { role })).body.code,
      ),
    );
    const results = await Promise.all(codes.map((code) => api(invitee.token).post(`/api/v1/invites/${code}/accept`)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe("conflict:membership");
    const members = await query(`SELECT "userId" FROM "Membership" WHERE "familyId" = $1 AND "userId" = $2`, [
      owner.familyId,
      invitee.userId,
    ]);
    expect(members).toHaveLength(1);
  });

  it("two owners removing each other at once leave one owner", async () => {
    const a = await registerAccount("A");
    const b = await memberOf(a, "owner", "b");
    const results = await Promise.all([
      api(a.token).delete(`/api/v1/families/${a.familyId}/members/${b.userId}`),
      api(b.token).delete(`/api/v1/families/${a.familyId}/members/${a.userId}`),
    ]);
    // Whoever is second has just been removed, so the family is no longer theirs to see.
    expect(results.map((r) => r.status).sort()).toEqual([204, 404]);
    expect(await query(`SELECT "userId" FROM "Membership" WHERE "familyId" = $1 AND role = 'owner'`, [a.familyId])).toHaveLength(1);
  });

  it("two owners leaving at once: one stays", async () => {
    const a = await registerAccount("A");
    const b = await memberOf(a, "owner", "b");
    const results = await Promise.all([
      api(a.token).delete(`/api/v1/families/${a.familyId}/members/${a.userId}`),
      api(b.token).delete(`/api/v1/families/${a.familyId}/members/${b.userId}`),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
    expect(await query(`SELECT "userId" FROM "Membership" WHERE "familyId" = $1 AND role = 'owner'`, [a.familyId])).toHaveLength(1);
  });

  it("two owners stepping down at once: one stays owner", async () => {
    const a = await registerAccount("A");
    const b = await memberOf(a, "owner", "b");
    const results = await Promise.all([
      api(a.token).patch(`/api/v1/families/${a.familyId}/members/${a.userId}`, { role: "parent" }),
      api(b.token).patch(`/api/v1/families/${a.familyId}/members/${b.userId}`, { role: "parent" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await query(`SELECT "userId" FROM "Membership" WHERE "familyId" = $1 AND role = 'owner'`, [a.familyId])).toHaveLength(1);
  });

  it("joining through an invite shows the new member to everyone", async () => {
    const owner = await registerAccount();
    const grandma = await registerAccount("Grandma");
    await joinFamily(owner, grandma, "viewer");
    const family = await api(grandma.token).get(`/api/v1/families/${owner.familyId}`);
    expect(family.status).toBe(200);
    expect(family.body.family.role).toBe("viewer");
    expect(family.body.family.members).toHaveLength(2);
  });
});
