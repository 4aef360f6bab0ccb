import { randomUUID } from "node:crypto";
import type pg from "pg";

export type SeededChild = { familyId: string; childId: string; userId: string; entries: number; from: Date; to: Date };

/** A deterministic pseudo-random stream (mulberry32), so every run seeds the same year. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Row = [id: string, type: string, startedAt: Date, endedAt: Date | null, details: object];

/**
 * One family, one child born a year before `now`, and a year of plausible entries (~27 a day:
 * feeds every ~3 h, naps and a night, diapers, pumping, vitamin D, tummy time, a weekly weight):
 * about 10,000 rows.
 */
export async function seedYear(client: pg.Client, now: Date, seed = 42): Promise<SeededChild> {
  const rnd = random(seed);
  const jitter = (minutes: number) => (rnd() - 0.5) * 2 * minutes * 60_000;
  const familyId = randomUUID();
  const userId = randomUUID();
  const childId = randomUUID();
  const from = new Date(now.getTime() - 365 * 86_400_000);
  await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, 'Bench', 'x', now())`, [
    userId,
    `bench-${userId}@example.test`,
  ]);
  await client.query(`INSERT INTO "Family" (id, name, "updatedAt") VALUES ($1, 'Bench family', now())`, [familyId]);
  await client.query(`INSERT INTO "Membership" (id, "familyId", "userId", role) VALUES ($1, $2, $3, 'owner')`, [
    randomUUID(),
    familyId,
    userId,
  ]);
  await client.query(
    `INSERT INTO "Child" (id, "familyId", name, "birthDate", sex, timezone, seq, "updatedAt") VALUES ($1, $2, 'Bench', $3, 'female', 'Europe/Madrid', 1, now())`,
    [childId, familyId, from.toISOString().slice(0, 10)],
  );

  const rows: Row[] = [];
  const add = (type: string, at: number, end: number | null, details: object) => {
    if (at < now.getTime())
      rows.push([randomUUID(), type, new Date(at), end === null ? null : new Date(Math.min(end, now.getTime())), details]);
  };
  for (let day = 0; day < 365; day++) {
    const base = from.getTime() + day * 86_400_000;
    for (let h = 0; h < 24; h += 3) {
      const at = base + h * 3_600_000 + jitter(25);
      if (rnd() < 0.5) add("feeding", at, null, { method: "bottle", amountMl: Math.round(60 + day / 4 + rnd() * 40), milk: "formula" });
      else
        add("feeding", at, null, {
          method: "breast",
          leftSeconds: Math.round(300 + rnd() * 600),
          rightSeconds: Math.round(300 + rnd() * 600),
        });
    }
    const night = base + 20 * 3_600_000 + jitter(40);
    add("sleep", night, night + (9 + rnd() * 2) * 3_600_000, { location: "crib" });
    for (const napHour of [9, 12, 15, 17]) {
      const at = base + napHour * 3_600_000 + jitter(30);
      add("sleep", at, at + (30 + rnd() * 60) * 60_000, {});
    }
    for (let i = 0; i < 7; i++) add("diaper", base + (i * 3.3 + 0.5) * 3_600_000 + jitter(20), null, { wet: true, dirty: rnd() < 0.35 });
    for (let i = 0; i < 3; i++)
      add("pumping", base + (i * 7 + 2) * 3_600_000 + jitter(30), null, {
        leftMl: Math.round(40 + rnd() * 40),
        rightMl: Math.round(40 + rnd() * 40),
      });
    add("diaper", base + 23.5 * 3_600_000 + jitter(20), null, { wet: true, dirty: false });
    add("medication", base + 9 * 3_600_000 + jitter(30), null, { name: "Vitamin D", dose: 1, unit: "drops" });
    for (const h of [10.5, 16.5]) {
      const at = base + h * 3_600_000 + jitter(20);
      add("tummy_time", at, at + 10 * 60_000, {});
    }
    if (day % 7 === 0) add("growth", base + 10 * 3_600_000, null, { weightGrams: Math.round(3400 + day * 20) });
  }
  rows.sort((a, b) => a[2].getTime() - b[2].getTime());
  for (let i = 0; i < rows.length; i += 1000) {
    const batch = rows.slice(i, i + 1000);
    await client.query(
      `INSERT INTO "Activity" (id, "familyId", "childId", type, "startedAt", "endedAt", details, "createdById", "updatedById", seq, "updatedAt")
       SELECT r.id, $1, $2, r.type::"ActivityType", r.s, r.e, r.d, $3, $3, r.seq, now()
       FROM unnest($4::uuid[], $5::text[], $6::timestamptz[], $7::timestamptz[], $8::jsonb[], $9::bigint[]) AS r(id, type, s, e, d, seq)`,
      [
        familyId,
        childId,
        userId,
        batch.map((r) => r[0]),
        batch.map((r) => r[1]),
        batch.map((r) => r[2].toISOString()),
        batch.map((r) => r[3]?.toISOString() ?? null),
        batch.map((r) => JSON.stringify(r[4])),
        batch.map((_, j) => i + j + 2),
      ],
    );
  }
  await client.query(`UPDATE "Family" SET seq = $2 WHERE id = $1`, [familyId, rows.length + 1]);
  await client.query(`ANALYZE "Activity"`);
  return { familyId, childId, userId, entries: rows.length, from, to: now };
}
