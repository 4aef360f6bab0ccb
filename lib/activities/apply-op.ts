import { db, Prisma } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { writeWithEvents } from "@/lib/db/transaction";
import { publishFamilyEvents } from "@/lib/events/publish";
import { AppError, parseInput } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/auth/actor";
import { requireChildRole } from "@/lib/families/access";
import { activityView, applyActivityOp as mergeOp, type ActivityState } from "@/lib/sync/merge";
import { activityOpSchema, type ActivityOp } from "@/lib/sync/ops";
import { serverClock } from "@/lib/sync/server-clock";
import { insertActivity } from "./insert";
import { insertActivities } from "./insert-many";
import { createActivitySchema, type CreateActivityInput } from "./schema";
import { activityStateOf, assertAfterBirth, assertCanModify, toActivityDto } from "./service";

export type ApplyResult = { changed: boolean };

type ChildAccess = Awaited<ReturnType<typeof requireChildRole>>;
/** requireChildRole, remembered for one batch (a batch names the same child hundreds of times). */
type AccessCache = Map<string, Promise<ChildAccess>>;

function childAccess(cache: AccessCache, actor: Actor, childId: string, atLeast: "viewer" | "caregiver"): Promise<ChildAccess> {
  const key = `${atLeast}:${childId}`;
  let found = cache.get(key);
  if (!found) {
    found = requireChildRole({ actor, childId, atLeast });
    found.catch(() => {}); // a refusal is rethrown to each caller; never unhandled
    cache.set(key, found);
  }
  return found;
}

/**
 * Applies one offline operation (lib/sync/ops.ts) with the merge rules of lib/sync/merge.ts:
 * the same validation and authorization as the REST handlers, the same FamilyEvent + seq, and
 * published after commit. Idempotent: an op already reflected in the stored clocks changes
 * nothing (`changed: false`), so a retry never duplicates or reverts anything.
 */
export async function applyActivityOp({ actor, op: input }: { actor: Actor; op: unknown }): Promise<ApplyResult> {
  const op = normalizeTimes(parseInput(activityOpSchema, input, "sync"));
  serverClock.receive(op.hlc);
  const cache: AccessCache = new Map();
  if (op.kind === "activity.create") return createFromOp(actor, op, cache);
  return mergeIntoStored(actor, op, cache);
}

/**
 * Applies a batch of offline activity ops; the result lists, per op, the AppError that refused it
 * or null. Creates of entries not stored yet are inserted together, one statement per family and
 * 500 entries; every other op then goes through the one-op path. Reordering is safe: applying
 * activity ops commutes (docs/SYNC.md), so edits of an entry created in the same batch simply
 * follow the insert. Errors other than AppError (an outage) are thrown.
 */
export async function applyActivityOps({ actor, ops: inputs }: { actor: Actor; ops: unknown[] }): Promise<(AppError | null)[]> {
  const outcomes: (AppError | null)[] = inputs.map(() => null);
  const refuse = (index: number, error: unknown) => {
    if (!(error instanceof AppError)) throw error;
    outcomes[index] = error;
  };
  const parsed: { index: number; op: ActivityOp }[] = [];
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
  const createIds = parsed.flatMap(({ op }) => (op.kind === "activity.create" ? [op.id] : []));
  const stored = new Set(
    createIds.length === 0 ? [] : (await db.activity.findMany({ where: { id: { in: createIds } }, select: { id: true } })).map((r) => r.id),
  );
  const fresh = new Map<string, { index: number; op: ActivityOp; data: CreateActivityInput & { id: string }; hlc: string }[]>();
  const rest: { index: number; op: ActivityOp }[] = [];
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
      stored.add(op.id); // a second create of the same id in this batch merges after the insert
      const group = fresh.get(child.familyId) ?? [];
      group.push({ index, op, data: { ...data, id: op.id }, hlc: op.hlc });
      fresh.set(child.familyId, group);
    } catch (error) {
      refuse(index, error);
    }
  }
  for (const [familyId, items] of fresh) {
    for (let i = 0; i < items.length; i += 500) {
      const chunk = items.slice(i, i + 500);
      try {
        const { events } = await insertActivities(db, { actor, familyId, items: chunk });
        await publishFamilyEvents(events);
      } catch (error) {
        // An id stored meanwhile (a concurrent retry): apply these one by one instead.
        if (!isUniqueViolation(error)) throw error;
        rest.push(...chunk.map(({ index, op }) => ({ index, op })));
      }
    }
  }
  rest.sort((a, b) => a.index - b.index);
  for (const { index, op } of rest) {
    try {
      if (op.kind === "activity.create") await createFromOp(actor, op, cache);
      else await mergeIntoStored(actor, op, cache);
    } catch (error) {
      refuse(index, error);
    }
  }
  return outcomes;
}

/** The same instant spelled one way (UTC, ms), so a retried op compares equal to what it stored. */
function normalizeTimes<T extends ActivityOp>(op: T): T {
  const iso = (t: string | null | undefined) => (t ? new Date(t).toISOString() : t);
  if (op.kind === "activity.create") {
    const valid = !Number.isNaN(Date.parse(op.activity.startedAt));
    if (!valid) return op;
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

async function createFromOp(actor: Actor, op: Extract<ActivityOp, { kind: "activity.create" }>, cache: AccessCache): Promise<ApplyResult> {
  const data = parseInput(createActivitySchema, { ...op.activity, id: op.id }, "activity", ["activity"]);
  const { child } = await childAccess(cache, actor, data.childId, "caregiver");
  assertAfterBirth(data.startedAt, child.birthDate);
  try {
    const { event } = await insertActivity(db, { actor, familyId: child.familyId, data, hlc: op.hlc });
    await publishFamilyEvents([event]);
    return { changed: true };
  } catch (error) {
    // Already there (a retry, or its edits arrived first): merge the create like any write.
    if (!isUniqueViolation(error)) throw error;
    return mergeIntoStored(actor, op, cache);
  }
}

/**
 * Locks the stored entry, merges the op into its per-field clocks and, when anything changed,
 * validates the merged entry whole and writes it. An edit of a deleted entry is kept in the
 * tombstone (a later restore shows it), per docs/SYNC.md.
 */
async function mergeIntoStored(actor: Actor, op: ActivityOp, cache: AccessCache): Promise<ApplyResult> {
  return writeWithEvents(actor, async (tx, changes) => {
    // Lock the entry, only if it is in one of the actor's families (another family's: 404).
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT a.id FROM "Activity" a
      JOIN "Membership" m ON m."familyId" = a."familyId" AND m."userId" = ${actor.userId}::uuid
      WHERE a.id = ${op.id}::uuid FOR UPDATE OF a`;
    if (locked.length === 0) throw new AppError("not_found:activity");
    const current = await tx.activity.findUniqueOrThrow({ where: { id: op.id } });
    const { role, child } = await childAccess(cache, actor, current.childId, "viewer").catch(() => {
      throw new AppError("not_found:activity");
    });
    if (op.kind === "activity.create" && (op.activity.childId !== current.childId || op.activity.type !== current.type)) {
      throw new AppError("conflict:activity_id");
    }
    assertCanModify(role, current, actor);
    const { state, changed } = mergeOp(activityStateOf(current), op);
    if (!changed) return { changed: false };
    const view = validMerged(state, op, child.birthDate);
    const seq = await changes.next(current.familyId);
    const becameDeleted = view.deleted && current.deletedAt === null;
    const row = await tx.activity.update({
      where: { id: op.id },
      data: {
        startedAt: new Date(view.startedAt),
        endedAt: view.endedAt ? new Date(view.endedAt) : null,
        details: view.details as Prisma.InputJsonValue,
        notes: view.notes,
        fieldClocks: state.clocks,
        deletedAt: view.deleted ? (current.deletedAt ?? new Date()) : null,
        deletedHlc: state.deletedHlc,
        updatedById: actor.userId,
        version: { increment: 1 },
        seq,
      },
    });
    if (becameDeleted) await changes.record(row.familyId, seq, "activity.deleted", { id: row.id, childId: row.childId });
    else await changes.record(row.familyId, seq, "activity.updated", { activity: toActivityDto(row) });
    return { changed: true };
  });
}

/** The merged entry must pass the same rules as a REST create; otherwise the op that led to it is refused. */
function validMerged(state: ActivityState, op: ActivityOp, birthDate: Date) {
  const view = activityView(state);
  if (!view) throw new AppError("not_found:activity");
  const prefix = op.kind === "activity.update" ? ["patch"] : op.kind === "activity.create" ? ["activity"] : [];
  const { deleted, id: _id, ...fields } = view;
  const data = parseInput(createActivitySchema, fields, "activity", prefix);
  assertAfterBirth(data.startedAt, birthDate);
  return { ...view, deleted };
}
