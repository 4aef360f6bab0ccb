import { activityStateFromRecord, activityView, applyActivityOp, type ActivityState } from "@/lib/sync/merge";
import type { ActivityOp } from "@/lib/sync/ops";
import type { StoredActivity } from "./db";

/** A stored entry as a merge state. */
export function stateOf(entry: StoredActivity): ActivityState {
  return activityStateFromRecord(entry);
}

/**
 * Applies ops to an entry (or to nothing yet) with the shared merge and returns what to store:
 * null while the create has not been seen (rule 6: edits before the create wait in the outbox).
 */
export function mergeEntry(
  stored: StoredActivity | null,
  ops: readonly ActivityOp[],
  defaults: { familyId: string | null },
): StoredActivity | null {
  let state: ActivityState | null = stored ? stateOf(stored) : null;
  for (const op of ops) state = applyActivityOp(state, op).state;
  if (!state) return null;
  const view = activityView(state);
  const familyId = stored?.familyId ?? defaults.familyId;
  if (!view || !familyId) return null;
  return {
    id: view.id,
    familyId,
    childId: view.childId,
    type: view.type,
    startedAt: view.startedAt,
    endedAt: view.endedAt,
    notes: view.notes,
    details: view.details,
    clocks: state.clocks,
    deleted: state.deleted,
    deletedHlc: state.deletedHlc,
    createdById: stored?.createdById ?? null,
    version: stored?.version ?? null,
  };
}
