/**
 * Where a request's time goes, outside Next.js: the app's own Prisma client, services and
 * schemas called in-process, one at a time, next to the same SQL through a bare `pg` Pool.
 * Prints mean wall time and CPU time per call. Started by `bench:api --micro` (run.ts passes
 * DATABASE_URL, REDIS_URL, TOKEN, CHILD_ID, FAMILY_ID, USER_ID); it writes its rows as JSON to
 * MICRO_OUT.
 */
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import pg from "pg";
import { db } from "@/lib/db/client";
import { redis } from "@/lib/redis/client";
import { hashToken, resolveBearerToken } from "@/lib/auth/tokens";
import { requireChildRole } from "@/lib/families/access";
import { enforceRateLimits } from "@/lib/http/rate-limit";
import { createActivity, listActivities } from "@/lib/activities/service";
import { createActivitySchema } from "@/lib/activities/schema";
import { writeWithEvents } from "@/lib/db/transaction";
import { insertActivity } from "@/lib/activities/insert";
import type { Actor } from "@/lib/auth/actor";

const N = Number(process.env.MICRO_ITERATIONS ?? 500);
const { TOKEN, CHILD_ID, FAMILY_ID, USER_ID } = process.env as Record<string, string>;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

type Row = { name: string; wallMs: number; cpuMs: number };
const rows: Row[] = [];

async function measure(name: string, fn: () => Promise<unknown> | unknown) {
  for (let i = 0; i < Math.min(100, N); i++) await fn(); // warm-up
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await fn();
  const wall = (performance.now() - t0) / N;
  const cpu = process.cpuUsage(cpu0);
  const row = { name, wallMs: Math.round(wall * 1000) / 1000, cpuMs: Math.round(((cpu.user + cpu.system) / 1000 / N) * 1000) / 1000 };
  rows.push(row);
  console.log(`${name.padEnd(64)} wall ${row.wallMs.toFixed(3).padStart(7)} ms   cpu ${row.cpuMs.toFixed(3).padStart(7)} ms`);
}

const body = () => {
  const started = Date.now() - Math.floor(Math.random() * 12 * 3600_000);
  return {
    id: randomUUID(),
    childId: CHILD_ID,
    type: "feeding",
    startedAt: new Date(started).toISOString(),
    endedAt: new Date(started + 15 * 60_000).toISOString(),
    details: { method: "bottle", amountMl: 120, milk: "formula" },
  };
};

async function main() {
  const actor: Actor = { userId: USER_ID, via: "token" };
  const tokenHash = hashToken(TOKEN);
  let seq = 10_000_000n;
  console.log(`in-process, sequential, ${N} calls each (after warm-up); CPU is this process only (PostgreSQL's is not in it)\n`);

  await measure("pg: SELECT 1", () => pool.query("SELECT 1"));
  await measure("prisma: $queryRaw SELECT 1", () => db.$queryRaw`SELECT 1`);

  console.log("-- auth: Bearer token → actor");
  await measure("pg: SELECT AccessToken by tokenHash", () =>
    pool.query(`SELECT "id", "userId", "revokedAt", "lastUsedAt" FROM "AccessToken" WHERE "tokenHash" = $1`, [tokenHash]),
  );
  await measure("prisma: accessToken.findUnique", () =>
    db.accessToken.findUnique({ where: { tokenHash }, select: { id: true, userId: true, revokedAt: true, lastUsedAt: true } }),
  );
  await measure("app: resolveBearerToken (sha256 + findUnique)", () => resolveBearerToken(TOKEN));

  console.log("-- rate limit and publish (Redis)");
  await measure("app: enforceRateLimits (2 buckets, 1 pipeline)", () =>
    enforceRateLimits([
      { key: "ip:micro", limit: 1e9 },
      { key: "user:micro", limit: 1e9 },
    ]),
  );
  await measure("ioredis: PUBLISH", () => redis.publish("bench:micro", "x".repeat(600)));

  console.log("-- access check: child + membership");
  await measure("pg: SELECT Child JOIN Membership", () =>
    pool.query(
      `SELECT c.*, m."role" FROM "Child" c JOIN "Membership" m ON m."familyId" = c."familyId" AND m."userId" = $2 WHERE c."id" = $1 AND c."deletedAt" IS NULL`,
      [CHILD_ID, USER_ID],
    ),
  );
  await measure("app: requireChildRole (prisma findFirst + include)", () =>
    requireChildRole({ actor, childId: CHILD_ID, atLeast: "caregiver" }),
  );

  console.log("-- validation");
  const sample = body();
  await measure("zod: createActivitySchema.safeParse", () => createActivitySchema.safeParse(sample));

  console.log("-- idempotency lookup");
  await measure("pg: SELECT Activity by id", () => pool.query(`SELECT * FROM "Activity" WHERE "id" = $1`, [randomUUID()]));
  await measure("prisma: activity.findUnique", () => db.activity.findUnique({ where: { id: randomUUID() } }));

  console.log("-- the write");
  await measure("pg: single INSERT Activity (the bare server's)", () =>
    pool.query(
      `INSERT INTO "Activity" ("id","familyId","childId","type","startedAt","endedAt","details","createdById","updatedById","seq","updatedAt") VALUES ($1,$2,$3,'feeding',now(),NULL,$4,$5,$5,$6,now())`,
      [randomUUID(), FAMILY_ID, CHILD_ID, JSON.stringify({ method: "bottle", amountMl: 120, milk: "formula" }), USER_ID, String(++seq)],
    ),
  );
  await measure("pg: BEGIN; UPDATE Family seq; INSERT Activity; INSERT FamilyEvent; COMMIT", async () => {
    const c = await pool.connect();
    try {
      await c.query("BEGIN");
      const { rows } = await c.query(`UPDATE "Family" SET "seq" = "seq" + 1, "updatedAt" = now() WHERE "id" = $1 RETURNING "seq"`, [
        FAMILY_ID,
      ]);
      const s = rows[0].seq;
      const { rows: act } = await c.query(
        `INSERT INTO "Activity" ("id","familyId","childId","type","startedAt","endedAt","details","createdById","updatedById","seq","updatedAt") VALUES ($1,$2,$3,'feeding',now(),NULL,$4,$5,$5,$6,now()) RETURNING *`,
        [randomUUID(), FAMILY_ID, CHILD_ID, JSON.stringify({ method: "bottle", amountMl: 120, milk: "formula" }), USER_ID, s],
      );
      await c.query(`INSERT INTO "FamilyEvent" ("familyId","seq","type","actorId","payload") VALUES ($1,$2,'activity.created',$3,$4)`, [
        FAMILY_ID,
        s,
        USER_ID,
        JSON.stringify({ activity: act[0] }),
      ]);
      await c.query("COMMIT");
    } finally {
      c.release();
    }
  });
  await measure("pg: same in ONE round trip (CTE)", () =>
    pool.query(
      `WITH f AS (UPDATE "Family" SET "seq" = "seq" + 1, "updatedAt" = now() WHERE "id" = $1 RETURNING "seq"),
            a AS (INSERT INTO "Activity" ("id","familyId","childId","type","startedAt","endedAt","details","createdById","updatedById","seq","updatedAt")
                  SELECT $2, $1, $3, 'feeding', now(), NULL, $4, $5, $5, f."seq", now() FROM f RETURNING *)
       INSERT INTO "FamilyEvent" ("familyId","seq","type","actorId","payload") SELECT $1, a."seq", 'activity.created', $5, jsonb_build_object('activity', to_jsonb(a)) FROM a RETURNING "seq"`,
      [FAMILY_ID, randomUUID(), CHILD_ID, JSON.stringify({ method: "bottle", amountMl: 120, milk: "formula" }), USER_ID],
    ),
  );
  await measure("app: insertActivity (one CTE statement through prisma.$queryRaw)", () =>
    insertActivity(db, { actor, familyId: FAMILY_ID, data: createActivitySchema.parse(body()) }),
  );
  await measure("app: insertActivity inside a prisma interactive tx (the timer path)", () =>
    writeWithEvents(actor, async (tx, changes) =>
      changes.adopt(await insertActivity(tx, { actor, familyId: FAMILY_ID, data: createActivitySchema.parse(body()) })),
    ),
  );

  console.log("-- the list");
  await measure("pg: SELECT 51 activities (keyset order)", () =>
    pool.query(`SELECT * FROM "Activity" WHERE "childId" = $1 AND "deletedAt" IS NULL ORDER BY "startedAt" DESC, "id" DESC LIMIT 51`, [
      CHILD_ID,
    ]),
  );
  await measure("prisma: activity.findMany take 51", () =>
    db.activity.findMany({ where: { childId: CHILD_ID, deletedAt: null }, orderBy: [{ startedAt: "desc" }, { id: "desc" }], take: 51 }),
  );

  console.log("-- whole services, in-process (no Next.js, no HTTP)");
  await measure("app: createActivity (validate, access, idempotency, tx, publish)", () => createActivity({ actor, input: body() }));
  await measure("app: listActivities limit 50", () => listActivities({ actor, query: { childId: CHILD_ID, limit: "50" } }));
  await measure("app: resolveBearerToken + enforceRateLimits + createActivity", async () => {
    const a = await resolveBearerToken(TOKEN);
    await enforceRateLimits([
      { key: "ip:micro", limit: 1e9 },
      { key: `token:${a!.tokenId}`, limit: 1e9 },
    ]);
    await createActivity({ actor: a!, input: body() });
  });

  if (process.env.MICRO_OUT) writeFileSync(process.env.MICRO_OUT, JSON.stringify({ iterations: N, rows }, null, 2));
  await Promise.all([db.$disconnect(), pool.end(), redis.quit()]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
