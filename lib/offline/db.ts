import Dexie, { type EntityTable } from "dexie";
import type { ChildDto } from "@/lib/children/schema";
import type { ActivityView } from "@/lib/sync/merge";
import type { SyncOp } from "@/lib/sync/ops";
import type { TimerDto } from "@/lib/timers/schema";

/**
 * The device store (IndexedDB through Dexie): what the signed-in user's families hold on this
 * device, and the outbox of changes made here that the server has not taken yet. One database
 * per browser profile; `claimStore` empties it when another user signs in.
 */

/** An entry as the device keeps it: the merged view plus the field clocks the merge needs. */
export type StoredActivity = ActivityView & {
  familyId: string;
  clocks: Record<string, string>;
  deletedHlc: string | null;
  createdById: string | null;
  /** The server's version when last pulled (null: only ever seen on this device). */
  version: number | null;
  /** The entry as the server last sent it, before this device's queued ops (null: not on the server yet). */
  server?: ServerActivity | null;
};
export type ServerActivity = Omit<StoredActivity, "server">;

export type StoredChild = ChildDto & { deletedAt?: string | null };
export type StoredTimer = TimerDto;
export type StoredFamily = { id: string; name: string; role: string; seq: number };

export type OutboxStatus = "pending" | "sending" | "rejected";
export type OutboxError = { code: string; message: string; fields?: Record<string, string> };
export type OutboxItem = {
  /** Insertion order: ops are sent in the order they were made. */
  seq?: number;
  opId: string;
  op: SyncOp;
  status: OutboxStatus;
  error: OutboxError | null;
  /** The family the op is for, when known (display and per-family clean-up). */
  familyId: string | null;
  attempts: number;
  createdAt: number;
};

export type MetaRow = { key: string; value: unknown };

export class OfflineDb extends Dexie {
  families!: EntityTable<StoredFamily, "id">;
  children!: EntityTable<StoredChild, "id">;
  activities!: EntityTable<StoredActivity, "id">;
  timers!: EntityTable<StoredTimer, "id">;
  outbox!: EntityTable<OutboxItem, "seq">;
  meta!: EntityTable<MetaRow, "key">;

  constructor(name = "nestling") {
    super(name);
    this.version(1).stores({
      families: "id",
      children: "id, familyId",
      activities: "id, familyId, childId, startedAt",
      timers: "id, familyId, childId",
      outbox: "++seq, &opId, status",
      meta: "key",
    });
  }
}

let shared: OfflineDb | null = null;

/** The page's one connection (created on first use, in the browser only). */
export function offlineDb(): OfflineDb {
  shared ??= new OfflineDb();
  return shared;
}

export async function getMeta<T>(db: OfflineDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMeta(db: OfflineDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

/**
 * Binds the store to a user: a different user's data (outbox included) is removed first, so one
 * person never sees another's entries on a shared phone. Returns true when the store was emptied.
 */
export async function claimStore(db: OfflineDb, userId: string): Promise<boolean> {
  return db.transaction("rw", [db.families, db.children, db.activities, db.timers, db.outbox, db.meta], async () => {
    const owner = await getMeta<string>(db, "userId");
    if (owner === userId) return false;
    await Promise.all([
      db.families.clear(),
      db.children.clear(),
      db.activities.clear(),
      db.timers.clear(),
      db.outbox.clear(),
      db.meta.clear(),
    ]);
    await setMeta(db, "userId", userId);
    return owner !== undefined;
  });
}
