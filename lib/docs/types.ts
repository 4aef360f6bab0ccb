/** The document store's collections: analytics (snapshots, insights, alerts), AI chats, reports, logs. */
export const collections = ["analytics", "chats", "reports", "logs"] as const;
export type CollectionName = (typeof collections)[number];

/**
 * A stored document. `id` is the app's own uuid (MongoDB keeps an ObjectId `_id` beside it);
 * `key` names a document within its family so that upserts replace it; `type` tells kinds of
 * documents in one collection apart ("snapshot", "insight", "alert", …).
 */
export type StoredDocument<T = Record<string, unknown>> = {
  id: string;
  collection: CollectionName;
  familyId: string;
  childId: string | null;
  type: string;
  key: string | null;
  data: T;
  createdAt: Date;
  updatedAt: Date;
};

export type NewDocument<T> = {
  id?: string;
  familyId: string;
  childId?: string | null;
  type: string;
  data: T;
  createdAt?: Date;
};

export type ListOptions = {
  familyId: string;
  childId?: string;
  type?: string;
  /** createdAt ≥ since */
  since?: Date;
  /** createdAt < until */
  until?: Date;
  /** Newest first unless "asc". */
  order?: "asc" | "desc";
  limit?: number;
};

/**
 * What the app needs from a document database, kept to operations both backends do the same way
 * (MongoDB through the official driver, PostgreSQL JSONB). No transactions, no positional updates.
 */
export interface DocumentStore {
  readonly backend: "mongodb" | "postgres";
  insert<T>(collection: CollectionName, doc: NewDocument<T>): Promise<StoredDocument<T>>;
  /**
   * Creates the family's document named `key`, or replaces its data (keeping id and createdAt).
   * `created` tells which happened: the worker pushes only new insights and alerts.
   */
  upsert<T>(collection: CollectionName, doc: NewDocument<T> & { key: string }): Promise<{ document: StoredDocument<T>; created: boolean }>;
  get<T>(collection: CollectionName, id: string): Promise<StoredDocument<T> | null>;
  getByKey<T>(collection: CollectionName, familyId: string, key: string): Promise<StoredDocument<T> | null>;
  list<T>(collection: CollectionName, options: ListOptions): Promise<StoredDocument<T>[]>;
  count(collection: CollectionName, options: Omit<ListOptions, "order" | "limit">): Promise<number>;
  delete(collection: CollectionName, id: string): Promise<boolean>;
  /** Removes every document of a family in one collection (family deletion, GDPR erasure). */
  deleteFamily(collection: CollectionName, familyId: string): Promise<number>;
  close(): Promise<void>;
}
