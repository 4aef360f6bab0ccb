import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MongoClient, ObjectId } from "mongodb";
// A MongoDB wire-protocol server written in TypeScript (CongoServer, @push.rocks/smartmongo): no
// real mongod can run on these machines (see ../shared/notes/STACK.md), so the MongoDB backend is
// exercised through the official driver against it, and against a real server when MONGODB_URL is set.
import { CongoServer } from "@push.rocks/smartmongo/dist_ts/congodb/index.js";
import { createMongoStore } from "@/lib/docs/mongo-store";
import { createPostgresStore } from "@/lib/docs/postgres-store";
import type { DocumentStore } from "@/lib/docs/types";
import { freePort } from "@/scripts/lib/process";

type Backend = {
  name: string;
  open: () => Promise<{ store: DocumentStore; mongo?: { url: string; db: string }; stop: () => Promise<void> }>;
};

const backends: Backend[] = [
  {
    name: "PostgreSQL JSONB (Document table)",
    open: async () => ({ store: createPostgresStore(), stop: async () => {} }),
  },
  {
    name: "MongoDB driver → CongoServer (wire-protocol test server)",
    open: async () => {
      const server = new CongoServer({ host: "127.0.0.1", port: await freePort() });
      await server.start();
      const url = server.getConnectionUri();
      const db = `contract_${randomUUID().slice(0, 8)}`;
      const store = await createMongoStore({ url, dbName: db });
      return {
        store,
        mongo: { url, db },
        stop: async () => {
          await store.close();
          await server.stop();
        },
      };
    },
  },
];

if (process.env.MONGODB_URL) {
  backends.push({
    name: "MongoDB driver → real server (MONGODB_URL)",
    open: async () => {
      const url = process.env.MONGODB_URL!;
      const db = `nestling_contract_${randomUUID().slice(0, 8)}`;
      const store = await createMongoStore({ url, dbName: db });
      return {
        store,
        mongo: { url, db },
        stop: async () => {
          const client = await MongoClient.connect(url, { directConnection: true });
          await client.db(db).dropDatabase();
          await client.close();
          await store.close();
        },
      };
    },
  });
}

const minutes = (n: number) => new Date(Date.UTC(2026, 0, 1, 12, n));

describe.each(backends)("document store contract: $name", (backend) => {
  let store: DocumentStore;
  let mongo: { url: string; db: string } | undefined;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ store, mongo, stop } = await backend.open());
  });
  afterAll(async () => {
    await stop?.();
  });

  const family = () => randomUUID();

  it("inserts and reads back a document by its app id, data intact", async () => {
    const familyId = family();
    const childId = randomUUID();
    const data = { n: 1.5, s: "día ☀️", list: [1, "two", { three: 3 }], nested: { deep: { flag: true, none: null } } };
    const doc = await store.insert("analytics", { familyId, childId, type: "snapshot", data, createdAt: minutes(1) });
    expect(doc.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(doc).toMatchObject({ collection: "analytics", familyId, childId, type: "snapshot", key: null, data });
    const read = await store.get("analytics", doc.id);
    expect(read).toEqual(doc);
    expect(read!.createdAt.toISOString()).toBe(minutes(1).toISOString());
    expect(read!.createdAt).toBeInstanceOf(Date);
  });

  it("keeps an id the app chose, and answers null for unknown ids", async () => {
    const id = randomUUID();
    await store.insert("logs", { id, familyId: family(), type: "line", data: { text: "hello" } });
    expect((await store.get("logs", id))?.data).toEqual({ text: "hello" });
    expect(await store.get("logs", randomUUID())).toBeNull();
    expect(await store.get("logs", "not-a-uuid")).toBeNull();
    // Collections are separate.
    expect(await store.get("analytics", id)).toBeNull();
  });

  it("upsert creates once, then replaces the data keeping id and createdAt", async () => {
    const familyId = family();
    const first = await store.upsert("analytics", {
      familyId,
      type: "insight",
      key: "insight:a",
      data: { v: 1, extra: "x" },
      createdAt: minutes(2),
    });
    expect(first.created).toBe(true);
    const second = await store.upsert("analytics", { familyId, type: "insight", key: "insight:a", data: { v: 2 } });
    expect(second.created).toBe(false);
    expect(second.document.id).toBe(first.document.id);
    expect(second.document.createdAt.toISOString()).toBe(first.document.createdAt.toISOString());
    // Replaced, not merged.
    expect(second.document.data).toEqual({ v: 2 });
    expect(second.document.updatedAt.getTime()).toBeGreaterThanOrEqual(first.document.updatedAt.getTime());
    expect((await store.getByKey("analytics", familyId, "insight:a"))?.data).toEqual({ v: 2 });
    expect(await store.count("analytics", { familyId })).toBe(1);
  });

  it("keys are per family", async () => {
    const [a, b] = [family(), family()];
    expect((await store.upsert("reports", { familyId: a, type: "pdf", key: "weekly", data: { who: "a" } })).created).toBe(true);
    expect((await store.upsert("reports", { familyId: b, type: "pdf", key: "weekly", data: { who: "b" } })).created).toBe(true);
    expect((await store.getByKey("reports", a, "weekly"))?.data).toEqual({ who: "a" });
    expect((await store.getByKey("reports", b, "weekly"))?.data).toEqual({ who: "b" });
    expect(await store.getByKey("reports", family(), "weekly")).toBeNull();
  });

  it("lists a family's documents by child, type and time, newest first by default, with a limit", async () => {
    const familyId = family();
    const [c1, c2] = [randomUUID(), randomUUID()];
    for (let i = 0; i < 5; i++)
      await store.insert("analytics", { familyId, childId: c1, type: "insight", data: { i }, createdAt: minutes(10 + i) });
    await store.insert("analytics", { familyId, childId: c1, type: "alert", data: { i: 99 }, createdAt: minutes(30) });
    await store.insert("analytics", { familyId, childId: c2, type: "insight", data: { i: 42 }, createdAt: minutes(31) });
    await store.insert("analytics", { familyId: family(), childId: c1, type: "insight", data: { i: -1 }, createdAt: minutes(32) });

    const insights = await store.list<{ i: number }>("analytics", { familyId, childId: c1, type: "insight" });
    expect(insights.map((d) => d.data.i)).toEqual([4, 3, 2, 1, 0]);
    const asc = await store.list<{ i: number }>("analytics", { familyId, childId: c1, type: "insight", order: "asc", limit: 2 });
    expect(asc.map((d) => d.data.i)).toEqual([0, 1]);
    const window = await store.list<{ i: number }>("analytics", { familyId, childId: c1, since: minutes(11), until: minutes(13) });
    expect(window.map((d) => d.data.i)).toEqual([2, 1]);
    expect((await store.list("analytics", { familyId })).length).toBe(7);
    expect(await store.count("analytics", { familyId, type: "insight" })).toBe(6);
    expect(await store.count("analytics", { familyId, childId: c2 })).toBe(1);
  });

  it("deletes one document, or a family's documents in one collection", async () => {
    const familyId = family();
    const other = family();
    const doc = await store.insert("chats", { familyId, type: "message", data: { text: "hi" } });
    await store.insert("chats", { familyId, type: "message", data: { text: "again" } });
    await store.insert("chats", { familyId: other, type: "message", data: { text: "theirs" } });
    await store.insert("logs", { familyId, type: "line", data: { text: "kept" } });
    expect(await store.delete("chats", doc.id)).toBe(true);
    expect(await store.delete("chats", doc.id)).toBe(false);
    expect(await store.deleteFamily("chats", familyId)).toBe(1);
    expect(await store.count("chats", { familyId })).toBe(0);
    expect(await store.count("chats", { familyId: other })).toBe(1);
    expect(await store.count("logs", { familyId })).toBe(1);
  });

  it("concurrent upserts of different keys all land", async () => {
    const familyId = family();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.upsert("analytics", { familyId, type: "insight", key: `k${i}`, data: { i } })),
    );
    expect(results.every((r) => r.created)).toBe(true);
    expect(new Set(results.map((r) => r.document.id)).size).toBe(20);
    expect(await store.count("analytics", { familyId })).toBe(20);
  });

  it("on MongoDB, documents have an ObjectId _id and the app's uuid in `id`", async () => {
    if (!mongo) return expect(store.backend).toBe("postgres");
    const doc = await store.insert("analytics", { familyId: family(), type: "snapshot", data: {} });
    const client = await MongoClient.connect(mongo.url, { directConnection: true });
    try {
      const raw = await client.db(mongo.db).collection("analytics").findOne({ id: doc.id });
      expect(raw?._id).toBeInstanceOf(ObjectId);
      expect(raw?.id).toBe(doc.id);
      expect(raw?.createdAt).toBeInstanceOf(Date);
    } finally {
      await client.close();
    }
  });
});
