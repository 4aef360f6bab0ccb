"use client";

import type { QuickLogInput, QuickResult } from "@/components/activities/quick-types";
import { buildActivityInput } from "@/components/activities/build-input";
import { toLocalInput } from "@/components/activities/zoned-time";
import type { ActivityCreateFields } from "@/lib/sync/ops";
import { offlineEngine } from "./engine";
import type { OfflineScope } from "./offline-scope";

/** Did a server action fail because the network did (rather than answer with an error)? */
export function isNetworkFailure(error: unknown): boolean {
  if (typeof navigator !== "undefined" && !navigator.onLine) return true;
  return error instanceof TypeError || (error instanceof Error && /fetch|network|load failed/i.test(error.message));
}

export function isOffline(): boolean {
  return typeof navigator !== "undefined" && !navigator.onLine;
}

/**
 * A one-tap entry saved on the device: converted like the server action would (display units to
 * SI, "now" in the child's zone), applied to the device store and queued as `activity.create`
 * with the tap's client id, so a later retry of the same tap cannot make a second entry.
 */
export async function queueQuickEntry(
  input: QuickLogInput,
  scope: OfflineScope,
  messages: { saved: string; invalid: string },
): Promise<QuickResult> {
  const { input: built, issues } = buildActivityInput({
    kind: input.kind,
    values: { startedAt: toLocalInput(new Date(), scope.timeZone), ...input.values },
    units: scope.units,
    timeZone: scope.timeZone,
    childId: input.childId,
  });
  if (Object.keys(issues).length > 0)
    return { status: "error", message: messages.invalid, values: input.values, fields: {} } as QuickResult;
  const { id: _id, ...fields } = built as ActivityCreateFields & { id?: string };
  await offlineEngine.enqueue({ kind: "activity.create", id: input.id, activity: fields }, scope.familyId);
  return { status: "ok", entry: { id: input.id, message: messages.saved, editHref: `/entries/${input.id}/edit` } };
}
