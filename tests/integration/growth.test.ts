import { describe, expect, it } from "vitest";
import { api, createChild, memberOf, registerAccount, type Account } from "../helpers/api";

const daysAgo = (days: number) => new Date(Date.now() - days * 86400_000).toISOString().slice(0, 10);
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

async function logGrowth(account: Account, childId: string, date: string, details: Record<string, unknown>, hour = 12) {
  const startedAt = `${date}T${String(hour).padStart(2, "0")}:00:00.000Z`;
  const res = await api(account.token).post("/api/v1/activities", { childId, type: "growth", startedAt, details });
  if (res.status !== 201) throw new Error(`growth failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.activity.id as string;
}

describe("GET /api/v1/children/{id}/growth", () => {
  it("scores each measurement against the WHO standards (the check values of WHO's wfa table, boys, day 0)", async () => {
    const owner = await registerAccount();
    const birthDate = daysAgo(40);
    const child = await createChild(owner, { sex: "male", birthDate, timezone: "UTC" });
    await logGrowth(owner, child.id, birthDate, { weightGrams: 2500, lengthMm: 498.842, headMm: 344.618 }, 10);
    await logGrowth(owner, child.id, birthDate, { weightGrams: 4000 }, 11);
    await logGrowth(owner, child.id, birthDate, { weightGrams: 5500 }, 12);
    await logGrowth(owner, child.id, shift(birthDate, 30), { headMm: 372 });

    const res = await api(owner.token).get(`/api/v1/children/${child.id}/growth`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ childId: child.id, sex: "male", birthDate, gestationalAgeWeeks: null });
    const items = res.body.items;
    expect(items).toHaveLength(4);
    const [small, typical, large, later] = items;
    // 2.5 kg → z −1.899; a median length (49.8842 cm) and head (34.4618 cm) → z 0, 50th percentile.
    expect(small).toMatchObject({ ageDays: 0, correctedAgeDays: null, measure: "length", weightGrams: 2500 });
    expect(small.weightForAge.z).toBe(-1.9);
    expect(small.lengthForAge).toEqual({ z: 0, percentile: 50 });
    expect(small.headForAge).toEqual({ z: 0, percentile: 50 });
    expect(small.weightForLength.z).toBeLessThan(0);
    expect(small.bmiForAge.z).toBeLessThan(0);
    // 4.0 kg → 89.63rd percentile; 5.5 kg → z 3.768 through WHO's restricted tail.
    expect(typical.weightForAge.percentile).toBe(89.63);
    expect(large.weightForAge.z).toBe(3.77);
    expect(typical).toMatchObject({ lengthForAge: null, headForAge: null, weightForLength: null, bmiForAge: null });
    expect(later).toMatchObject({ ageDays: 30, weightForAge: null });
    expect(later.headForAge.z).toBeGreaterThan(-3);
  });

  it("reads a preterm baby at corrected age", async () => {
    const owner = await registerAccount();
    // Born at 32 weeks: 8 weeks early, so day 56 is corrected day 0.
    const birthDate = daysAgo(60);
    const child = await createChild(owner, { sex: "male", birthDate, timezone: "UTC", gestationalAgeWeeks: 32 });
    await logGrowth(owner, child.id, shift(birthDate, 56), { weightGrams: 4000 });
    const res = await api(owner.token).get(`/api/v1/children/${child.id}/growth`);
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ ageDays: 56, correctedAgeDays: 0 });
    expect(res.body.items[0].weightForAge.percentile).toBe(89.63);
  });

  it("lets every member read, hides the child from other families and leaves out deleted entries", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const id = await logGrowth(owner, child.id, daysAgo(2), { weightGrams: 4300 });
    const gone = await logGrowth(owner, child.id, daysAgo(1), { weightGrams: 4400 });
    expect((await api(owner.token).delete(`/api/v1/activities/${gone}`)).status).toBe(204);

    const viewer = await memberOf(owner, "viewer");
    const seen = await api(viewer.token).get(`/api/v1/children/${child.id}/growth`);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((m: { id: string }) => m.id)).toEqual([id]);

    const stranger = await registerAccount("Stranger");
    const hidden = await api(stranger.token).get(`/api/v1/children/${child.id}/growth`);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe("not_found:child");
    expect((await api(stranger.token).get("/api/v1/children/not-a-uuid/growth")).status).toBe(404);
  });

  it("answers 401 without credentials", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const res = await api().get(`/api/v1/children/${child.id}/growth`);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthorized:auth");
  });

  it("accepts the length position on growth entries and adjusts by 0.7 cm from 24 months", async () => {
    const owner = await registerAccount();
    const birthDate = daysAgo(800);
    const child = await createChild(owner, { sex: "female", birthDate, timezone: "UTC" });
    await logGrowth(owner, child.id, shift(birthDate, 750), { lengthMm: 870, lengthPosition: "recumbent" }, 10);
    await logGrowth(owner, child.id, shift(birthDate, 750), { lengthMm: 863 }, 11);
    const res = await api(owner.token).get(`/api/v1/children/${child.id}/growth`);
    const [lying, standing] = res.body.items;
    expect(lying).toMatchObject({ measure: "height", lengthPosition: "recumbent" });
    expect(standing).toMatchObject({ measure: "height", lengthPosition: null });
    // 87.0 cm lying is 86.3 cm standing: the same score.
    expect(lying.lengthForAge).toEqual(standing.lengthForAge);
    const bad = await api(owner.token).post("/api/v1/activities", {
      childId: child.id,
      type: "growth",
      startedAt: new Date().toISOString(),
      details: { lengthMm: 870, lengthPosition: "sitting" },
    });
    expect(bad.status).toBe(400);
  });
});
