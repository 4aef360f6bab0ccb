import { env } from "@/lib/config/env";
import { createMongoStore } from "./mongo-store";
import { createPostgresStore } from "./postgres-store";
import type { DocumentStore } from "./types";

export type * from "./types";

const globalForDocs = globalThis as unknown as { nestlingDocs?: Promise<DocumentStore> };

/** The process's document store: MongoDB when MONGODB_URL is set, else the PostgreSQL Document table. */
export function documentStore(): Promise<DocumentStore> {
  globalForDocs.nestlingDocs ??= (async () => {
    const { MONGODB_URL, MONGODB_DB } = env();
    return MONGODB_URL ? createMongoStore({ url: MONGODB_URL, dbName: MONGODB_DB }) : createPostgresStore();
  })().catch((error) => {
    globalForDocs.nestlingDocs = undefined;
    throw error;
  });
  return globalForDocs.nestlingDocs;
}

export async function closeDocumentStore(): Promise<void> {
  const store = globalForDocs.nestlingDocs;
  globalForDocs.nestlingDocs = undefined;
  if (store) await (await store).close();
}
