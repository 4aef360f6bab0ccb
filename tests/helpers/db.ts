import pg from "pg";
import { afterAll } from "vitest";
import type { Json } from "./api";

/**
 * Read-only access to the test database (DATABASE_URL from run-tests): to check that a refused
 * request left no trace. Tests write only through the API.
 */
let pool: pg.Pool | undefined;

function db(): pg.Pool {
  if (!pool) {
    if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set: run through scripts/run-tests.ts");
    pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
    afterAll(async () => {
      await pool?.end();
      pool = undefined;
    });
  }
  return pool;
}

export async function query<T = Json>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db().query(sql, params)).rows as T[];
}

const FAMILY_TABLES = ["Membership", "Invite", "Child", "Activity", "Timer", "FamilyEvent"] as const;

/** Every stored row of a family (and the family row itself), as one comparable value. */
export async function familyState(familyId: string) {
  const state: Record<string, unknown> = {
    Family: await query(`SELECT * FROM "Family" WHERE id = $1`, [familyId]),
  };
  for (const table of FAMILY_TABLES) {
    const order = table === "FamilyEvent" ? "seq" : "id";
    state[table] = await query(`SELECT * FROM "${table}" WHERE "familyId" = $1 ORDER BY "${order}"`, [familyId]);
  }
  return JSON.parse(JSON.stringify(state));
}

/** Every stored row of a user: account, settings, tokens (lastUsedAt left out: reading touches it). */
export async function userState(userId: string) {
  return JSON.parse(
    JSON.stringify({
      User: await query(`SELECT * FROM "User" WHERE id = $1`, [userId]),
      UserSettings: await query(`SELECT * FROM "UserSettings" WHERE "userId" = $1`, [userId]),
      AccessToken: await query(`SELECT id, label, "revokedAt", "createdAt" FROM "AccessToken" WHERE "userId" = $1 ORDER BY id`, [userId]),
      Membership: await query(`SELECT * FROM "Membership" WHERE "userId" = $1 ORDER BY id`, [userId]),
    }),
  );
}

export async function familySeq(familyId: string): Promise<number> {
  const [row] = await query<{ seq: string }>(`SELECT seq FROM "Family" WHERE id = $1`, [familyId]);
  return Number(row.seq);
}

export type StoredEvent = { seq: number; type: string; actorId: string | null; payload: Json };

export async function familyEvents(familyId: string): Promise<StoredEvent[]> {
  const rows = await query(`SELECT seq, type, "actorId", payload FROM "FamilyEvent" WHERE "familyId" = $1 ORDER BY seq`, [familyId]);
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

export async function authEvents(email: string) {
  return query<{ type: string; userId: string | null; ip: string | null; detail: Json }>(
    `SELECT type, "userId", ip, detail FROM "AuthEvent" WHERE email = $1 ORDER BY id`,
    [email.toLowerCase()],
  );
}
