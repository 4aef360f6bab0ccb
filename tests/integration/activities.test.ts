import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { api, bottle, createChild, minutesAgo, registerAccount, sampleActivities } from "../helpers/api";
import { familyState, query } from "../helpers/db";

describe("activities: success paths", () => {
  it("logs one entry of every type and reads each back", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    for (const input of sampleActivities(child.id)) {
      const created = await client.post("/api/v1/activities", input);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const activity = created.body.activity;
      expect(activity).toMatchObject({
        familyId: owner.familyId,
        childId: child.id,
        type: input.type,
        details: input.details,
        createdById: owner.userId,
        updatedById: owner.userId,
        version: 1,
        deletedAt: null,
      });
      expect(Date.parse(activity.startedAt)).toBe(Date.parse(input.startedAt));
      const read = await client.get(`/api/v1/activities/${activity.id}`);
      expect(read.status).toBe(200);
      expect(read.body.activity).toEqual(activity);
    }
  });

  it("lists newest first, filters by type and time, and pages with a cursor", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    const ids: string[] = [];
    for (const input of sampleActivities(child.id)) ids.push((await client.post("/api/v1/activities", input)).body.activity.id);

    const all = await client.get(`/api/v1/activities?childId=${child.id}`);
    expect(all.status).toBe(200);
    expect(all.body.items.map((a: { id: string }) => a.id)).toEqual([...ids].reverse());
    expect(all.body.nextCursor).toBeNull();

    const feedings = await client.get(`/api/v1/activities?childId=${child.id}&type=feeding`);
    expect(feedings.body.items.map((a: { type: string }) => a.type)).toEqual(["feeding", "feeding", "feeding"]);

    const from = encodeURIComponent(minutesAgo(100));
    const to = encodeURIComponent(minutesAgo(55));
    const window = await client.get(`/api/v1/activities?childId=${child.id}&from=${from}&to=${to}`);
    expect(window.body.items.map((a: { type: string }) => a.type)).toEqual(["temperature", "medication", "pumping", "growth", "diaper"]);

    const paged: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await client.get(
        `/api/v1/activities?childId=${child.id}&limit=4${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(4);
      paged.push(...page.body.items.map((a) => a.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(paged).toEqual([...ids].reverse());
  });

  it("pages entries with the same start time without skipping or repeating", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    const startedAt = minutesAgo(10);
    for (let i = 0; i < 5; i++) expect((await client.post("/api/v1/activities", bottle(child.id, { startedAt }))).status).toBe(201);
    const seen: string[] = [];
    let cursor = "";
    for (let i = 0; i < 5; i++) {
      const page = await client.get(`/api/v1/activities?childId=${child.id}&limit=2${cursor}`);
      seen.push(...page.body.items.map((a: { id: string }) => a.id));
      if (!page.body.nextCursor) break;
      cursor = `&cursor=${page.body.nextCursor}`;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it("edits with the current version: version and updatedById advance", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    const { activity } = (await client.post("/api/v1/activities", bottle(child.id))).body;
    const endedAt = minutesAgo(10);
    const res = await client.patch(`/api/v1/activities/${activity.id}`, {
      version: 1,
      endedAt,
      details: { method: "bottle", amountMl: 90, milk: "breast_milk" },
      notes: "spat up a little",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.activity).toMatchObject({
      id: activity.id,
      version: 2,
      details: { method: "bottle", amountMl: 90, milk: "breast_milk" },
      notes: "spat up a little",
      startedAt: activity.startedAt,
    });
    expect(Date.parse(res.body.activity.endedAt)).toBe(Date.parse(endedAt));
    expect(res.body.activity.seq).toBeGreaterThan(activity.seq);

    const cleared = await client.patch(`/api/v1/activities/${activity.id}`, { version: 2, notes: null, endedAt: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.activity).toMatchObject({ version: 3, notes: null, endedAt: null });
  });

  it("deletes by tombstone: gone from reads and lists, kept for sync", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    const { activity } = (await client.post("/api/v1/activities", bottle(child.id))).body;
    const deleted = await client.delete(`/api/v1/activities/${activity.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeNull();
    expect((await client.get(`/api/v1/activities/${activity.id}`)).status).toBe(404);
    expect((await client.get(`/api/v1/activities?childId=${child.id}`)).body.items).toEqual([]);
    expect((await client.delete(`/api/v1/activities/${activity.id}`)).status).toBe(404);
    expect((await client.patch(`/api/v1/activities/${activity.id}`, { version: 2, notes: "x" })).status).toBe(404);
    const [row] = await query(`SELECT "deletedAt", version FROM "Activity" WHERE id = $1`, [activity.id]);
    expect(row.deletedAt).not.toBeNull();
    expect(row.version).toBe(2);
  });
});

describe("activities: idempotent create", () => {
  it("the same client id again returns the stored entry with 200, not a duplicate", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    const id = randomUUID();
    const first = await client.post("/api/v1/activities", bottle(child.id, { id }));
    expect(first.status).toBe(201);
    expect(first.body.activity.id).toBe(id);
    const before = await familyState(owner.familyId);

    const retry = await client.post("/api/v1/activities", bottle(child.id, { id }));
    expect(retry.status).toBe(200);
    expect(retry.body.activity).toEqual(first.body.activity);

    // A retry with a different body still answers with what was stored first.
    const changed = await client.post(
      "/api/v1/activities",
      bottle(child.id, { id, details: { method: "bottle", amountMl: 60, milk: "mixed" } }),
    );
    expect(changed.status).toBe(200);
    expect(changed.body.activity.details.amountMl).toBe(120);
    expect(await familyState(owner.familyId)).toEqual(before);
  });

  it("concurrent retries of one create make exactly one entry", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    const id = randomUUID();
    const results = await Promise.all(Array.from({ length: 6 }, () => client.post("/api/v1/activities", bottle(child.id, { id }))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    for (const r of results) expect(r.body.activity.id).toBe(id);
    const rows = await query(`SELECT id FROM "Activity" WHERE "childId" = $1`, [child.id]);
    expect(rows).toEqual([{ id }]);
    const events = await query(`SELECT type FROM "FamilyEvent" WHERE "familyId" = $1 AND type = 'activity.created'`, [owner.familyId]);
    expect(events).toHaveLength(1);
  });
});

describe("activities: optimistic concurrency", () => {
  it("a stale version answers 409 and changes nothing", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    const { activity } = (await client.post("/api/v1/activities", bottle(child.id))).body;
    expect((await client.patch(`/api/v1/activities/${activity.id}`, { version: 1, notes: "first writer" })).status).toBe(200);
    const before = await familyState(owner.familyId);

    const stale = await client.patch(`/api/v1/activities/${activity.id}`, { version: 1, notes: "second writer" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("conflict:version");
    const future = await client.patch(`/api/v1/activities/${activity.id}`, { version: 7, notes: "from the future" });
    expect(future.status).toBe(409);
    expect(await familyState(owner.familyId)).toEqual(before);
    expect((await client.get(`/api/v1/activities/${activity.id}`)).body.activity.notes).toBe("first writer");
  });

  it("of two concurrent edits with the same version, exactly one wins", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    const { activity } = (await client.post("/api/v1/activities", bottle(child.id))).body;
    const results = await Promise.all(
      ["a", "b", "c", "d"].map((notes) => client.patch(`/api/v1/activities/${activity.id}`, { version: 1, notes })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const stored = (await client.get(`/api/v1/activities/${activity.id}`)).body.activity;
    expect(stored.version).toBe(2);
    expect(stored.notes).toBe(results.find((r) => r.status === 200)!.body.activity.notes);
  });
});

describe("activities: rules that need the stored data", () => {
  it("an edit is validated as a whole entry", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    const { activity } = (await client.post("/api/v1/activities", bottle(child.id))).body;
    const before = await familyState(owner.familyId);
    const tooMuch = await client.patch(`/api/v1/activities/${activity.id}`, {
      version: 1,
      details: { method: "bottle", amountMl: 5000, milk: "formula" },
    });
    expect(tooMuch.status).toBe(400);
    expect(Object.keys(tooMuch.body.error.fields)).toEqual(["details.amountMl"]);
    const backwards = await client.patch(`/api/v1/activities/${activity.id}`, { version: 1, endedAt: minutesAgo(60) });
    expect(backwards.status).toBe(400);
    expect(Object.keys(backwards.body.error.fields)).toEqual(["endedAt"]);
    const otherType = await client.patch(`/api/v1/activities/${activity.id}`, { version: 1, details: { wet: true, dirty: false } });
    expect(otherType.status).toBe(400);
    expect(await familyState(owner.familyId)).toEqual(before);
  });

  it("an entry before the child's birth is refused at startedAt", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner, { birthDate: new Date(Date.now() - 2 * 86400_000).toISOString().slice(0, 10) });
    const before = await familyState(owner.familyId);
    const res = await api(owner.token).post("/api/v1/activities", bottle(child.id, { startedAt: minutesAgo(10 * 24 * 60) }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ startedAt: "This is before the child's birth date." });
    expect(await familyState(owner.familyId)).toEqual(before);
  });

  it("a deleted child takes no new entries and lists nothing", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const client = api(owner.token);
    expect((await client.delete(`/api/v1/children/${child.id}`)).status).toBe(204);
    expect((await client.post("/api/v1/activities", bottle(child.id))).status).toBe(404);
    expect((await client.get(`/api/v1/activities?childId=${child.id}`)).status).toBe(404);
  });
});
