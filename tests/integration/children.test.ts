import { describe, expect, it } from "vitest";
import { api, createChild, registerAccount } from "../helpers/api";
import { familyState, query } from "../helpers/db";

const daysAgo = (days: number) => new Date(Date.now() - days * 86400_000).toISOString().slice(0, 10);

describe("children", () => {
  it("creates a child and reads it back", async () => {
    const owner = await registerAccount();
    const client = api(owner.token);
    const res = await client.post("/api/v1/children", {
      familyId: owner.familyId,
      name: "  Lucía ",
      birthDate: daysAgo(40),
      sex: "female",
      timezone: "America/Mexico_City",
      gestationalAgeWeeks: 37,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.child).toMatchObject({
      familyId: owner.familyId,
      name: "Lucía",
      birthDate: daysAgo(40),
      sex: "female",
      timezone: "America/Mexico_City",
      gestationalAgeWeeks: 37,
      version: 1,
    });
    const read = await client.get(`/api/v1/children/${res.body.child.id}`);
    expect(read.status).toBe(200);
    expect(read.body.child).toEqual(res.body.child);
  });

  it("defaults the time zone to UTC", async () => {
    const owner = await registerAccount();
    const res = await api(owner.token).post("/api/v1/children", {
      familyId: owner.familyId,
      name: "Leo",
      birthDate: daysAgo(3),
      sex: "male",
    });
    expect(res.status).toBe(201);
    expect(res.body.child).toMatchObject({ timezone: "UTC", gestationalAgeWeeks: null });
  });

  it("lists the family's children, youngest first", async () => {
    const owner = await registerAccount();
    const older = await createChild(owner, { name: "Older", birthDate: daysAgo(400) });
    const younger = await createChild(owner, { name: "Younger", birthDate: daysAgo(20) });
    const res = await api(owner.token).get(`/api/v1/children?familyId=${owner.familyId}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([younger.id, older.id]);
  });

  it("edits with or without a version; a stale version answers 409 and changes nothing", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    const renamed = await client.patch(`/api/v1/children/${child.id}`, { name: "Eva María", version: 1 });
    expect(renamed.status).toBe(200);
    expect(renamed.body.child).toMatchObject({ name: "Eva María", version: 2 });
    const unversioned = await client.patch(`/api/v1/children/${child.id}`, { gestationalAgeWeeks: 39 });
    expect(unversioned.status).toBe(200);
    expect(unversioned.body.child).toMatchObject({ gestationalAgeWeeks: 39, version: 3 });

    const before = await familyState(owner.familyId);
    const stale = await client.patch(`/api/v1/children/${child.id}`, { name: "Stale", version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("conflict:version");
    expect(await familyState(owner.familyId)).toEqual(before);
  });

  it("deletes by tombstone, stops the child's running timers, and hides the child", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    const timer = await client.post("/api/v1/timers", { childId: child.id, type: "sleep" });
    expect(timer.status).toBe(201);

    expect((await client.delete(`/api/v1/children/${child.id}`)).status).toBe(204);
    expect((await client.get(`/api/v1/children/${child.id}`)).status).toBe(404);
    expect((await client.patch(`/api/v1/children/${child.id}`, { name: "Ghost" })).status).toBe(404);
    expect((await client.delete(`/api/v1/children/${child.id}`)).status).toBe(404);
    expect((await client.get(`/api/v1/children?familyId=${owner.familyId}`)).body.items).toEqual([]);
    expect((await client.get(`/api/v1/timers?familyId=${owner.familyId}`)).body.items).toEqual([]);
    const [row] = await query(`SELECT state FROM "Timer" WHERE id = $1`, [timer.body.timer.id]);
    expect(row.state).toBe("stopped");
  });

  it("lists need a familyId", async () => {
    const owner = await registerAccount();
    const res = await api(owner.token).get("/api/v1/children");
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(["familyId"]);
  });
});
