import { describe, expect, it } from "vitest";
import { api, createChild, memberOf, minutesAgo, registerAccount } from "../helpers/api";

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const paths = (id: string) => [
  `/api/v1/children/${id}/summary?from=${daysAgo(2)}&to=${today()}`,
  `/api/v1/children/${id}/predictions`,
  `/api/v1/children/${id}/insights`,
  `/api/v1/children/${id}/alerts`,
];

describe("analytics API", () => {
  it("summary: daily totals of the asked days, days starting at the user's day-start hour", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner, { timezone: "UTC" });
    const o = api(owner.token);
    expect((await o.patch("/api/v1/me", { settings: { dayStartHour: 0 } })).status).toBe(200);
    for (const hour of ["08", "11"]) {
      await o.post("/api/v1/activities", {
        childId: child.id,
        type: "feeding",
        startedAt: `${daysAgo(3)}T${hour}:00:00.000Z`,
        details: { method: "bottle", amountMl: 60, milk: "formula" },
      });
    }
    const noon = `${daysAgo(1)}T12:00:00.000Z`;
    await o.post("/api/v1/activities", {
      childId: child.id,
      type: "feeding",
      startedAt: noon,
      details: { method: "bottle", amountMl: 120, milk: "formula" },
    });
    await o.post("/api/v1/activities", {
      childId: child.id,
      type: "feeding",
      startedAt: `${daysAgo(1)}T15:00:00.000Z`,
      details: { method: "bottle", amountMl: 80, milk: "formula" },
    });
    await o.post("/api/v1/activities", {
      childId: child.id,
      type: "diaper",
      startedAt: `${daysAgo(1)}T16:00:00.000Z`,
      details: { wet: true, dirty: false },
    });

    await o.post("/api/v1/activities", {
      childId: child.id,
      type: "feeding",
      startedAt: `${daysAgo(1)}T13:00:00.000Z`,
      details: { method: "breast", leftSeconds: 600, rightSeconds: 300 },
    });
    await o.post("/api/v1/activities", {
      childId: child.id,
      type: "sleep",
      startedAt: `${daysAgo(1)}T14:00:00.000Z`,
      endedAt: `${daysAgo(1)}T15:30:00.000Z`,
      details: {},
    });
    const res = await o.get(`/api/v1/children/${child.id}/summary?from=${daysAgo(2)}&to=${daysAgo(1)}`);
    expect(res.status).toBe(200);
    const { summary } = res.body;
    expect(summary).toMatchObject({ childId: child.id, timeZone: "UTC", dayStartHour: 0, from: daysAgo(2), to: daysAgo(1) });
    expect(summary.days.map((d: { date: string }) => d.date)).toEqual([daysAgo(2), daysAgo(1)]);
    expect(summary.days[0]).toMatchObject({ feeds: 0, bottleMl: 0, wetDiapers: 0 });
    expect(summary.days[1]).toMatchObject({
      feeds: 3,
      bottleMl: 200,
      breastLeftMinutes: 10,
      breastRightMinutes: 5,
      sleepMinutes: 90,
      longestSleepMinutes: 90,
      naps: 1,
      wetDiapers: 1,
      start: `${daysAgo(1)}T00:00:00.000Z`,
    });
    // Seven-day rolling averages per logged day, reaching before `from`: 3 days ago had 2 feeds.
    expect(summary.rolling7.map((r: { date: string }) => r.date)).toEqual([daysAgo(2), daysAgo(1)]);
    expect(summary.rolling7[0]).toMatchObject({ days: 1, feeds: 2, bottleMl: 120 });
    expect(summary.rolling7[1]).toMatchObject({ days: 2, feeds: 2.5, bottleMl: 160 });
  });

  it("summary refuses bad dates, reversed and over-long ranges with 400", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const o = api(owner.token);
    for (const q of [
      "",
      `from=${today()}`,
      "from=2026-13-01&to=2026-13-02",
      "from=yesterday&to=today",
      `from=${today()}&to=${daysAgo(3)}`,
      `from=${daysAgo(200)}&to=${today()}`,
    ]) {
      const res = await o.get(`/api/v1/children/${child.id}/summary?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe("bad_request:summary");
    }
    expect((await o.get(`/api/v1/children/${child.id}/summary?from=${daysAgo(91)}&to=${today()}`)).status).toBe(200);
  });

  it("predictions: next feed with an interval and a reason, in the request's language", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const o = api(owner.token);
    for (const m of [600, 420, 240, 60]) {
      await o.post("/api/v1/activities", {
        childId: child.id,
        type: "feeding",
        startedAt: minutesAgo(m),
        details: { method: "bottle", amountMl: 90, milk: "formula" },
      });
    }
    const res = await o.get(`/api/v1/children/${child.id}/predictions`);
    expect(res.status).toBe(200);
    const { nextFeed } = res.body.predictions;
    expect(Date.parse(nextFeed.low)).toBeLessThanOrEqual(Date.parse(nextFeed.at));
    expect(Date.parse(nextFeed.at)).toBeLessThanOrEqual(Date.parse(nextFeed.high));
    expect(nextFeed.reason.key).toMatch(/\S/);
    expect(nextFeed.reasonText).toMatch(/\S/);
    expect(nextFeed.reasonText).not.toBe(nextFeed.reason.key);
  });

  it("insights and alerts are empty lists for a new child; a viewer may read them", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const viewer = await memberOf(owner, "viewer");
    for (const path of [`/api/v1/children/${child.id}/insights`, `/api/v1/children/${child.id}/alerts`]) {
      const res = await api(viewer.token).get(path);
      expect(res.status, path).toBe(200);
      expect(res.body.items).toEqual([]);
    }
    expect((await api(viewer.token).get(`/api/v1/children/${child.id}/alerts?limit=0`)).status).toBe(400);
  });

  it("another family's child is 404 on every endpoint, an unknown one too; no token is 401", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const stranger = await registerAccount("Stranger");
    for (const path of paths(child.id)) {
      const res = await api(stranger.token).get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe("not_found:child");
      expect((await api().get(path)).status, path).toBe(401);
    }
    for (const path of paths("00000000-0000-4000-8000-000000000000")) expect((await api(owner.token).get(path)).status, path).toBe(404);
  });
});
