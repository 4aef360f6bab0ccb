/**
 * The floor for bench/api: a bare Node `http` server over a `pg` Pool doing only the SQL of the
 * two endpoints — the single INSERT INTO "Activity" of POST /api/v1/activities (same columns)
 * and the keyset-ordered SELECT of GET /api/v1/activities?childId=…&limit=… — with the same JSON
 * in and out. No auth, no rate limit, no validation, no transaction, no family event, no Redis.
 *
 * Env: PORT, DATABASE_URL, FAMILY_ID and USER_ID (what the app derives from the token and the
 * child), POOL_SIZE (default 10, the app's DATABASE_POOL_SIZE default).
 */
import http from "node:http";
import { randomUUID } from "node:crypto";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
const familyId = process.env.FAMILY_ID!;
const userId = process.env.USER_ID!;
let seq = 0n;

type Row = Record<string, unknown> & {
  startedAt: Date;
  endedAt: Date | null;
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  seq: string;
};

/** The same shape as the app's toActivityDto. */
function dto(row: Row) {
  return {
    id: row.id,
    familyId: row.familyId,
    childId: row.childId,
    type: row.type,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    details: row.details,
    notes: row.notes,
    createdById: row.createdById,
    updatedById: row.updatedById,
    version: row.version,
    seq: Number(row.seq),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const INSERT = `INSERT INTO "Activity" ("id", "familyId", "childId", "type", "startedAt", "endedAt", "details", "notes", "createdById", "updatedById", "seq", "updatedAt")
VALUES ($1, $2, $3, $4::"ActivityType", $5, $6, $7, $8, $9, $9, $10, now()) RETURNING *`;
const LIST = `SELECT * FROM "Activity" WHERE "childId" = $1 AND "deletedAt" IS NULL ORDER BY "startedAt" DESC, "id" DESC LIMIT $2`;

function send(res: http.ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = new URL(req.url ?? "/", "http://bare");
  if (url.pathname === "/health") return send(res, 200, { status: "ok" });
  if (url.pathname !== "/api/v1/activities") return send(res, 404, { error: "not_found" });
  if (req.method === "POST") {
    const data = JSON.parse(await readBody(req));
    const { rows } = await pool.query(INSERT, [
      data.id ?? randomUUID(),
      familyId,
      data.childId,
      data.type,
      new Date(data.startedAt),
      data.endedAt ? new Date(data.endedAt) : null,
      JSON.stringify(data.details),
      data.notes ?? null,
      userId,
      String(++seq),
    ]);
    return send(res, 201, { activity: dto(rows[0]) });
  }
  if (req.method === "GET") {
    const limit = Number(url.searchParams.get("limit") ?? 50);
    const { rows } = await pool.query(LIST, [url.searchParams.get("childId"), limit + 1]);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > limit && last ? Buffer.from(`${last.startedAt.toISOString()}|${last.id}`).toString("base64url") : null;
    return send(res, 200, { items: page.map(dto), nextCursor });
  }
  return send(res, 405, { error: "method_not_allowed" });
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((error) => send(res, 500, { error: String(error?.message ?? error) }));
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log(`bare server on ${process.env.PORT}`));

const shutdown = () => server.close(() => pool.end().finally(() => process.exit(0)));
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
