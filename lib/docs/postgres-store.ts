import { randomUUID } from "node:crypto";
import { db, Prisma } from "@/lib/db/client";
import type { CollectionName, DocumentStore, ListOptions, NewDocument, StoredDocument } from "./types";

type Row = {
  id: string;
  collection: string;
  familyId: string;
  childId: string | null;
  type: string;
  key: string | null;
  data: unknown;
  createdAt: Date;
  updatedAt: Date;
  created?: boolean;
};

const toDocument = <T>(row: Row): StoredDocument<T> => ({
  id: row.id,
  collection: row.collection as CollectionName,
  familyId: row.familyId,
  childId: row.childId,
  type: row.type,
  key: row.key,
  data: row.data as T,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const COLUMNS = Prisma.sql`id::text, collection, "familyId"::text, "childId"::text, type, key, data, "createdAt", "updatedAt"`;

function where(collection: CollectionName, o: Omit<ListOptions, "order" | "limit">): Prisma.Sql {
  const parts = [Prisma.sql`collection = ${collection}`, Prisma.sql`"familyId" = ${o.familyId}::uuid`];
  if (o.childId) parts.push(Prisma.sql`"childId" = ${o.childId}::uuid`);
  if (o.type) parts.push(Prisma.sql`type = ${o.type}`);
  if (o.since) parts.push(Prisma.sql`"createdAt" >= ${o.since}`);
  if (o.until) parts.push(Prisma.sql`"createdAt" < ${o.until}`);
  return Prisma.join(parts, " AND ");
}

/** The embedded default: one Document table, data as JSONB, in the app's own PostgreSQL. */
export function createPostgresStore(): DocumentStore {
  return {
    backend: "postgres",

    async insert<T>(collection: CollectionName, doc: NewDocument<T>) {
      const at = doc.createdAt ?? new Date();
      const rows = await db.$queryRaw<Row[]>`
        INSERT INTO "Document" (id, collection, "familyId", "childId", type, key, data, "createdAt", "updatedAt")
        VALUES (${doc.id ?? randomUUID()}::uuid, ${collection}, ${doc.familyId}::uuid, ${doc.childId ?? null}::uuid, ${doc.type},
                NULL, ${JSON.stringify(doc.data)}::jsonb, ${at}, ${at})
        RETURNING ${COLUMNS}`;
      return toDocument<T>(rows[0]);
    },

    async upsert<T>(collection: CollectionName, doc: NewDocument<T> & { key: string }) {
      const at = doc.createdAt ?? new Date();
      // xmax = 0 only on a freshly inserted row version: tells insert from update in one statement.
      const rows = await db.$queryRaw<Row[]>`
        INSERT INTO "Document" (id, collection, "familyId", "childId", type, key, data, "createdAt", "updatedAt")
        VALUES (${doc.id ?? randomUUID()}::uuid, ${collection}, ${doc.familyId}::uuid, ${doc.childId ?? null}::uuid, ${doc.type},
                ${doc.key}, ${JSON.stringify(doc.data)}::jsonb, ${at}, ${at})
        ON CONFLICT (collection, "familyId", key) DO UPDATE
          SET data = EXCLUDED.data, type = EXCLUDED.type, "childId" = EXCLUDED."childId", "updatedAt" = now()
        RETURNING ${COLUMNS}, (xmax = 0) AS created`;
      return { document: toDocument<T>(rows[0]), created: Boolean(rows[0].created) };
    },

    async get<T>(collection: CollectionName, id: string) {
      if (!isUuid(id)) return null;
      const rows = await db.$queryRaw<Row[]>`SELECT ${COLUMNS} FROM "Document" WHERE collection = ${collection} AND id = ${id}::uuid`;
      return rows[0] ? toDocument<T>(rows[0]) : null;
    },

    async getByKey<T>(collection: CollectionName, familyId: string, key: string) {
      const rows = await db.$queryRaw<Row[]>`
        SELECT ${COLUMNS} FROM "Document" WHERE collection = ${collection} AND "familyId" = ${familyId}::uuid AND key = ${key}`;
      return rows[0] ? toDocument<T>(rows[0]) : null;
    },

    async list<T>(collection: CollectionName, options: ListOptions) {
      const order = options.order === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
      const limit = options.limit ?? 100;
      const rows = await db.$queryRaw<Row[]>`
        SELECT ${COLUMNS} FROM "Document" WHERE ${where(collection, options)}
        ORDER BY "createdAt" ${order}, id ${order} LIMIT ${limit}`;
      return rows.map(toDocument<T>);
    },

    async count(collection: CollectionName, options: Omit<ListOptions, "order" | "limit">) {
      const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Document" WHERE ${where(collection, options)}`;
      return Number(rows[0].n);
    },

    async delete(collection: CollectionName, id: string) {
      if (!isUuid(id)) return false;
      return (await db.$executeRaw`DELETE FROM "Document" WHERE collection = ${collection} AND id = ${id}::uuid`) > 0;
    },

    async deleteFamily(collection: CollectionName, familyId: string) {
      return db.$executeRaw`DELETE FROM "Document" WHERE collection = ${collection} AND "familyId" = ${familyId}::uuid`;
    },

    async close() {
      // The Prisma client is the app's; it is not ours to close.
    },
  };
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
