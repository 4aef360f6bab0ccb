import { randomUUID } from "node:crypto";
import { MongoClient, type Collection, type Filter } from "mongodb";
import type { CollectionName, DocumentStore, ListOptions, NewDocument, StoredDocument } from "./types";

type MongoDoc = Omit<StoredDocument<unknown>, "collection">;

/**
 * MongoDB through the official driver. The app's uuid lives in `id` beside MongoDB's ObjectId
 * `_id`; only operations that behave alike on a real server and on the wire-protocol test
 * server the tests use are relied on (see ../shared/notes/STACK.md): no transactions, no
 * positional `$`, no TTL, and unique indexes are declared but not counted on.
 */
export async function createMongoStore({ url, dbName }: { url: string; dbName: string }): Promise<DocumentStore> {
  // Polled heartbeats: the streaming ("moreToCome") monitor is not spoken by the wire-protocol
  // test server, and polling costs a real server nothing that matters here.
  const client = new MongoClient(url, { directConnection: true, serverSelectionTimeoutMS: 5000, serverMonitoringMode: "poll" });
  await client.connect();
  const database = client.db(dbName);
  const prepared = new Map<CollectionName, Promise<void>>();

  function collection(name: CollectionName): Collection<MongoDoc> {
    if (!prepared.has(name)) {
      const c = database.collection<MongoDoc>(name);
      prepared.set(
        name,
        c
          .createIndexes([
            { key: { id: 1 }, name: "id", unique: true },
            { key: { familyId: 1, key: 1 }, name: "family_key", unique: true, partialFilterExpression: { key: { $type: "string" } } },
            { key: { familyId: 1, childId: 1, type: 1, createdAt: -1 }, name: "family_child_type_created" },
          ])
          .then(() => undefined)
          .catch((error) => console.error(`[docs] could not create the indexes of ${name}`, error)),
      );
    }
    return database.collection<MongoDoc>(name);
  }

  const ready = async (name: CollectionName) => {
    const c = collection(name);
    await prepared.get(name);
    return c;
  };

  const toDocument = <T>(name: CollectionName, d: MongoDoc): StoredDocument<T> => ({
    id: d.id,
    collection: name,
    familyId: d.familyId,
    childId: d.childId ?? null,
    type: d.type,
    key: d.key ?? null,
    data: d.data as T,
    createdAt: new Date(d.createdAt),
    updatedAt: new Date(d.updatedAt),
  });

  function filterOf(o: Omit<ListOptions, "order" | "limit">): Filter<MongoDoc> {
    const f: Filter<MongoDoc> = { familyId: o.familyId };
    if (o.childId) f.childId = o.childId;
    if (o.type) f.type = o.type;
    if (o.since || o.until) f.createdAt = { ...(o.since && { $gte: o.since }), ...(o.until && { $lt: o.until }) };
    return f;
  }

  const projection = { projection: { _id: 0 } };

  return {
    backend: "mongodb",

    async insert<T>(name: CollectionName, doc: NewDocument<T>) {
      const at = doc.createdAt ?? new Date();
      const stored: MongoDoc = {
        id: doc.id ?? randomUUID(),
        familyId: doc.familyId,
        childId: doc.childId ?? null,
        type: doc.type,
        key: null,
        data: doc.data,
        createdAt: at,
        updatedAt: at,
      };
      await (await ready(name)).insertOne({ ...stored });
      return toDocument<T>(name, stored);
    },

    async upsert<T>(name: CollectionName, doc: NewDocument<T> & { key: string }) {
      const c = await ready(name);
      const at = doc.createdAt ?? new Date();
      const result = await c.updateOne(
        { familyId: doc.familyId, key: doc.key },
        {
          $set: { data: doc.data, type: doc.type, childId: doc.childId ?? null, updatedAt: new Date() },
          $setOnInsert: { id: doc.id ?? randomUUID(), familyId: doc.familyId, key: doc.key, createdAt: at },
        },
        { upsert: true },
      );
      const stored = await c.findOne({ familyId: doc.familyId, key: doc.key }, projection);
      if (!stored) throw new Error(`[docs] upserted ${name}/${doc.key} is gone`);
      return { document: toDocument<T>(name, stored), created: result.upsertedCount === 1 };
    },

    async get<T>(name: CollectionName, id: string) {
      const d = await (await ready(name)).findOne({ id }, projection);
      return d ? toDocument<T>(name, d) : null;
    },

    async getByKey<T>(name: CollectionName, familyId: string, key: string) {
      const d = await (await ready(name)).findOne({ familyId, key }, projection);
      return d ? toDocument<T>(name, d) : null;
    },

    async list<T>(name: CollectionName, options: ListOptions) {
      const dir = options.order === "asc" ? 1 : -1;
      const docs = await (
        await ready(name)
      )
        .find(filterOf(options), projection)
        .sort({ createdAt: dir, id: dir })
        .limit(options.limit ?? 100)
        .toArray();
      return docs.map((d) => toDocument<T>(name, d));
    },

    async count(name: CollectionName, options: Omit<ListOptions, "order" | "limit">) {
      return (await ready(name)).countDocuments(filterOf(options));
    },

    async delete(name: CollectionName, id: string) {
      return (await (await ready(name)).deleteOne({ id })).deletedCount > 0;
    },

    async deleteFamily(name: CollectionName, familyId: string) {
      return (await (await ready(name)).deleteMany({ familyId })).deletedCount;
    },

    async close() {
      await client.close();
    },
  };
}
