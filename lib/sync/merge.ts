import { compareHlc } from "./hlc";
import type { ActivityCreateFields, ActivityOp, ActivityPatch } from "./ops";

/**
 * The merge of activity operations, shared by the server (lib/activities/apply-op.ts) and the
 * device store. Pure and synchronous: plain data in, plain data out.
 *
 * An entry is a map of fields, each a last-writer-wins register stamped with the hybrid logical
 * clock of the op that wrote it, plus an existence register written only by delete and restore.
 * Fields: `childId`, `type` (set by the create), `startedAt`, `endedAt`, `notes`, and one per
 * details key (`details.amountMl`, …), so concurrent edits of different keys both survive.
 * Applying ops is commutative, associative and idempotent, so every replica that has seen the
 * same set of ops, in any order and with any repeats, holds the same state. Rules: docs/SYNC.md.
 */

export type ActivityState = {
  id: string;
  /** Field path → value. A removed details key stays with value null, to keep its clock. */
  values: Record<string, unknown>;
  /** Field path → the hlc of the write that set it. */
  clocks: Record<string, string>;
  deleted: boolean;
  /** The hlc of the delete or restore that decided `deleted`; null when neither happened. */
  deletedHlc: string | null;
};

/** What an entry looks like once merged (null until its create has been seen). */
export type ActivityView = {
  id: string;
  childId: string;
  type: string;
  startedAt: string;
  endedAt: string | null;
  notes: string | null;
  details: Record<string, unknown>;
  deleted: boolean;
};

const DETAILS = "details.";

export function emptyActivityState(id: string): ActivityState {
  return { id, values: {}, clocks: {}, deleted: false, deletedHlc: null };
}

/** Field path → value written by a create. */
export function createWrites(fields: ActivityCreateFields): Record<string, unknown> {
  const writes: Record<string, unknown> = {
    childId: fields.childId,
    type: fields.type,
    startedAt: fields.startedAt,
    endedAt: fields.endedAt ?? null,
    notes: fields.notes ?? null,
  };
  for (const [key, value] of Object.entries(fields.details)) writes[DETAILS + key] = value ?? null;
  return writes;
}

/** Field path → value written by an update (a details key set to null is removed). */
export function patchWrites(patch: ActivityPatch): Record<string, unknown> {
  const writes: Record<string, unknown> = {};
  if (patch.startedAt !== undefined) writes.startedAt = patch.startedAt;
  if (patch.endedAt !== undefined) writes.endedAt = patch.endedAt;
  if (patch.notes !== undefined) writes.notes = patch.notes;
  for (const [key, value] of Object.entries(patch.details ?? {})) writes[DETAILS + key] = value ?? null;
  return writes;
}

/** Applies one op; `changed` is false when the op lost every register it wrote (or was seen before). */
export function applyActivityOp(state: ActivityState | null, op: ActivityOp): { state: ActivityState; changed: boolean } {
  const base = state ?? emptyActivityState(op.id);
  if (base.id !== op.id) throw new Error(`op ${op.opId} is for ${op.id}, not ${base.id}`);
  switch (op.kind) {
    case "activity.create":
      return writeFields(base, createWrites(op.activity), op.hlc);
    case "activity.update":
      return writeFields(base, patchWrites(op.patch), op.hlc);
    case "activity.delete":
      return writeExistence(base, true, op.hlc);
    case "activity.restore":
      return writeExistence(base, false, op.hlc);
  }
}

export function applyActivityOps(state: ActivityState | null, ops: readonly ActivityOp[]): ActivityState | null {
  return ops.reduce<ActivityState | null>((s, op) => applyActivityOp(s, op).state, state);
}

/** Writes fields that are newer than what the state holds; older writes lose. */
export function writeFields(
  state: ActivityState,
  writes: Record<string, unknown>,
  hlc: string,
): { state: ActivityState; changed: boolean } {
  let next: ActivityState | null = null;
  for (const [path, value] of Object.entries(writes)) {
    if (!wins(hlc, value, state.clocks[path], state.values[path])) continue;
    next ??= { ...state, values: { ...state.values }, clocks: { ...state.clocks } };
    next.values[path] = value;
    next.clocks[path] = hlc;
  }
  return { state: next ?? state, changed: next !== null };
}

/** Delete and restore are one last-writer-wins register; at the same stamp, delete wins. */
export function writeExistence(state: ActivityState, deleted: boolean, hlc: string): { state: ActivityState; changed: boolean } {
  const order = compareHlc(hlc, state.deletedHlc);
  const newer = order > 0 || (order === 0 && deleted && !state.deleted);
  if (!newer) return { state, changed: false };
  return { state: { ...state, deleted, deletedHlc: hlc }, changed: true };
}

/** The join of two replicas' states of one entry: what either has seen, merged. */
export function joinActivityStates(a: ActivityState, b: ActivityState): ActivityState {
  let joined = b.deletedHlc === null ? a : writeExistence(a, b.deleted, b.deletedHlc).state;
  for (const path of Object.keys(b.clocks)) {
    joined = writeFields(joined, { [path]: b.values[path] }, b.clocks[path]).state;
  }
  return joined;
}

/** The merged entry (null until its create has been seen). */
export function activityView(state: ActivityState): ActivityView | null {
  const { values } = state;
  if (typeof values.childId !== "string" || typeof values.type !== "string" || typeof values.startedAt !== "string") return null;
  const details: Record<string, unknown> = {};
  for (const path of Object.keys(values).sort()) {
    if (path.startsWith(DETAILS) && values[path] !== null && values[path] !== undefined) details[path.slice(DETAILS.length)] = values[path];
  }
  return {
    id: state.id,
    childId: values.childId,
    type: values.type,
    startedAt: values.startedAt,
    endedAt: (values.endedAt as string | null | undefined) ?? null,
    notes: (values.notes as string | null | undefined) ?? null,
    details,
    deleted: state.deleted,
  };
}

/** A stored entry (server row or device record) as a merge state. Fields without a clock are older than any op. */
export function activityStateFromRecord(record: {
  id: string;
  childId: string;
  type: string;
  startedAt: string;
  endedAt: string | null;
  notes: string | null;
  details: Record<string, unknown>;
  clocks: Record<string, string>;
  deleted: boolean;
  deletedHlc: string | null;
}): ActivityState {
  const values = createWrites(record);
  // Removed details keys keep their clock: their value is null.
  for (const path of Object.keys(record.clocks)) if (!(path in values)) values[path] = null;
  return { id: record.id, values, clocks: { ...record.clocks }, deleted: record.deleted, deletedHlc: record.deletedHlc };
}

/** The clocks to store after a whole-entry write at `hlc` (REST edit): every path whose value changed. */
export function stampChangedFields(before: ActivityState, after: Record<string, unknown>, hlc: string): Record<string, string> {
  const clocks = { ...before.clocks };
  const paths = new Set([...Object.keys(before.values), ...Object.keys(after)]);
  for (const path of paths) {
    if (!sameValue(before.values[path] ?? null, after[path] ?? null)) clocks[path] = hlc;
  }
  return clocks;
}

/** Does a write (hlc, value) beat the current one? Equal stamps (a bug or a replay) fall to the value, so replicas agree. */
function wins(hlc: string, value: unknown, currentHlc: string | undefined, current: unknown): boolean {
  const order = compareHlc(hlc, currentHlc);
  if (order !== 0) return order > 0;
  return canonical(value) > canonical(current);
}

function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/** JSON with sorted object keys: one spelling per value. */
export function canonical(value: unknown): string {
  if (value === undefined) return "";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}
