import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { publishFamilyEvents } from "@/lib/events/publish";
import { AppError, parseInput } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/auth/actor";
import { activityOpSchema, type ActivityOp } from "@/lib/sync/ops";
import { serverClock } from "@/lib/sync/server-clock";
import { childAccess, type AccessCache } from "./child-access";
import { insertActivities } from "./insert-many";
import { mergeIntoStored } from "./merge-stored";
import { createActivitySchema, type CreateActivityInput } from "./schema";
import { assertAfterBirth } from "./service";

/** Most entries written by one statement or one transaction of a batch. */
const CHUNK = 500;

type Parsed = { index: number; op: ActivityOp };

/**
 * Applies offline activity operations (lib/sync/ops.ts) with the merge rules of lib/sync/merge.ts,
 * through the same validation and authorization as the REST handlers, the same seq and
 * FamilyEvents, published after commit. Returns, per op, the AppError that refused it or null.
 * Idempotent: an op already reflected in the stored clocks changes nothing.
 *
 * Creates of entries not stored yet are inserted together (one statement per family and chunk);
 * every other op (edits, deletes, restores, creates of stored ids) is merged in one transaction
 * per chunk that locks the entries. Reordering is safe, as applying activity ops commutes
 * (docs/SYNC.md): edits of an entry created in the same batch simply follow its insert. Errors
 * other than AppError (an outage) are thrown.
 */
export async function applyActivityOps({ actor, ops: inputs }: { actor: Actor; ops: unknown[] }): Promise<(AppError | null)[]> {
  const outcomes: (AppError | null)[] = inputs.map(() => null);
  const refuse = (index: number, error: unknown) => {
    if (!(error instanceof AppError)) throw error;
    outcomes[index] = error;
  };
  const parsed: Parsed[] = [];
  inputs.forEach((input, index) => {
    try {
      const op = normalizeTimes(parseInput(activityOpSchema, input, "sync"));
      serverClock.receive(op.hlc);
      parsed.push({ index, op });
    } catch (error) {
      refuse(index, error);
    }
  });
  const cache: AccessCache = new Map();
  const rest = await insertNewEntries(actor, parsed, cache, refuse);
  rest.sort((a, b) => a.index - b.index);
  for (let i = 0; i < rest.length; i += CHUNK) {
    const chunk = rest.slice(i, i + CHUNK);
    const errors = await mergeIntoStored({ actor, ops: chunk.map((p) => p.op), cache });
    chunk.forEach((p, j) => errors[j] && refuse(p.index, errors[j]));
  }
  return outcomes;
}

/** One op; throws its refusal. */
export async function applyActivityOp({ actor, op }: { actor: Actor; op: unknown }): Promise<void> {
  const [error] = await applyActivityOps({ actor, ops: [op] });
  if (error) throw error;
}

/** Inserts the creates of ids not stored yet; returns the ops left for the merge. */
async function insertNewEntries(actor: Actor, parsed: Parsed[], cache: AccessCache, refuse: (index: number, error: unknown) => void) {
  const createIds = parsed.flatMap(({ op }) => (op.kind === "activity.create" ? [op.id] : []));
  const stored = new Set(
    createIds.length === 0 ? [] : (await db.activity.findMany({ where: { id: { in: createIds } }, select: { id: true } })).map((r) => r.id),
  );
  const fresh = new Map<string, (Parsed & { data: CreateActivityInput & { id: string } })[]>();
  const rest: Parsed[] = [];
  for (const entry of parsed) {
    const { op, index } = entry;
    if (op.kind !== "activity.create" || stored.has(op.id)) {
      rest.push(entry);
      continue;
    }
    try {
      const data = parseInput(createActivitySchema, { ...op.activity, id: op.id }, "activity", ["activity"]);
      const { child } = await childAccess(cache, actor, data.childId, "caregiver");
      assertAfterBirth(data.startedAt, child.birthDate);
      stored.add(op.id); // a second create of this id in the batch merges after the insert
      const group = fresh.get(child.familyId) ?? [];
      group.push({ ...entry, data: { ...data, id: op.id } });
      fresh.set(child.familyId, group);
    } catch (error) {
      refuse(index, error);
    }
  }
  for (const [familyId, items] of fresh) {
    for (let i = 0; i < items.length; i += CHUNK) {
      const chunk = items.slice(i, i + CHUNK);
      try {
        const { events } = await insertActivities(db, { actor, familyId, items: chunk.map(({ data, op }) => ({ data, hlc: op.hlc })) });
        await publishFamilyEvents(events);
      } catch (error) {
        // An id stored meanwhile (a concurrent retry): nothing was written; merge these instead.
        if (!isUniqueViolation(error)) throw error;
        rest.push(...chunk.map(({ index, op }) => ({ index, op })));
      }
    }
  }
  return rest;
}

/** The same instant spelled one way (UTC, ms), so a retried op compares equal to what it stored. */
function normalizeTimes<T extends ActivityOp>(op: T): T {
  const iso = (t: string | null | undefined) => (t && !Number.isNaN(Date.parse(t)) ? new Date(t).toISOString() : t);
  if (op.kind === "activity.create") {
    return { ...op, activity: { ...op.activity, startedAt: iso(op.activity.startedAt), endedAt: iso(op.activity.endedAt) } };
  }
  if (op.kind === "activity.update") {
    const patch = { ...op.patch };
    if (patch.startedAt) patch.startedAt = iso(patch.startedAt)!;
    if (patch.endedAt) patch.endedAt = iso(patch.endedAt);
    return { ...op, patch };
  }
  return op;
}
