"use client";

import type { SimpleResult } from "@/components/activities/quick-types";
import { offlineDb } from "@/lib/offline/db";
import { discardOp } from "@/lib/offline/outbox";
import { isActivityOp } from "@/lib/sync/ops";
import { offlineEngine } from "./engine";

/**
 * Undo of an entry saved on the device: while its create is still queued, the create is simply
 * taken back; once sent, a delete is queued like any other change.
 */
export async function discardQueuedCreate(id: string): Promise<SimpleResult> {
  const db = offlineDb();
  const items = await db.outbox.toArray();
  const create = items.find((i) => i.op.kind === "activity.create" && isActivityOp(i.op) && i.op.id === id && i.status !== "sending");
  if (create) {
    // Edits queued after the create go with it.
    for (const item of items) if (isActivityOp(item.op) && item.op.id === id) await discardOp(db, item.opId);
    return { status: "ok" };
  }
  const stored = await db.activities.get(id);
  await offlineEngine.enqueue({ kind: "activity.delete", id }, stored?.familyId ?? null);
  return { status: "ok" };
}
