import { db, type Tx } from "./client";
import { ChangeSet } from "@/lib/events/change-set";
import { publishFamilyEvents } from "@/lib/events/publish";
import type { Actor } from "@/lib/auth/actor";

/**
 * The write path of every service: one transaction that records its family events, then
 * publishes them once committed.
 */
export async function writeWithEvents<T>(actor: Actor | null, work: (tx: Tx, changes: ChangeSet) => Promise<T>): Promise<T> {
  let changes!: ChangeSet;
  const result = await db.$transaction(async (tx) => {
    changes = new ChangeSet(tx, actor?.userId ?? null);
    return work(tx, changes);
  });
  await publishFamilyEvents(changes.events);
  return result;
}
