import fs from "node:fs";
import path from "node:path";
import pg from "pg";

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs `fn` with a connected client, closed afterwards. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates the URL's database when the server does not have it yet (PostgreSQL error 3D000). */
export async function ensureDatabase(url: string): Promise<"created" | "exists"> {
  try {
    await withClient(url, async () => {});
    return "exists";
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error;
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await withClient(withDatabase(url, "postgres"), (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  return "created";
}

/**
 * Migrations in `dir` that `prisma migrate deploy` has not applied yet. Checking first saves the
 * ≈10 s that every Prisma 6 migrate command spends before it exits.
 */
export async function pendingMigrations(url: string, dir: string): Promise<string[]> {
  const all = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name);
  const applied = await withClient(url, async (c) => {
    const { rows: table } = await c.query<{ t: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS t`);
    if (!table[0].t) return new Set<string>();
    const { rows } = await c.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return new Set(rows.map((r) => r.migration_name));
  });
  return all.filter((name) => !applied.has(name));
}
