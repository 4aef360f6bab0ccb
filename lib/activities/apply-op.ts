import { db, Prisma, type Activity } from "@/lib/db/client";
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
import { createActivitySchema } from "./schema";
import { activityStateOf, assertAfterBirth, assertCanModify, toActivityDto } from "./service";

export type ApplyResult = { changed: boolean };

/**
 * Applies one offline operation (lib/sync/ops.ts) with the merge rules of lib/sync/merge.ts:
 * the same validation and authorization as the REST handlers, the same FamilyEvent + seq, and
 * published after commit. Idempotent: an op already reflected in the stored clocks changes
 * nothing (`changed: false`), so a retry never duplicates or reverts anything.
 */
export async function applyActivityOp({ actor, op: input }: { actor: Actor; op: unknown }): Promise<ApplyResult> {
  const op = normalizeTimes(parseInput(activityOpSchema, input, "sync"));
  serverClock.receive(op.hlc);
  if (op.kind === "activity.create") return createFromOp(actor, op);
  return mergeIntoStored(actor, op);
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

async function createFromOp(actor: Actor, op: Extract<ActivityOp, { kind: "activity.create" }>): Promise<ApplyResult> {
  const data = parseInput(createActivitySchema, { ...op.activity, id: op.id }, "activity", ["activity"]);
  const { child } = await requireChildRole({ actor, childId: data.childId, atLeast: "caregiver" });
  assertAfterBirth(data.startedAt, child.birthDate);
  try {
    const { event } = await insertActivity(db, { actor, familyId: child.familyId, data, hlc: op.hlc });
    await publishFamilyEvents([event]);
    return { changed: true };
  } catch (error) {
    // Already there (a retry, or its edits arrived first): merge the create like any write.
    if (!isUniqueViolation(error)) throw error;
    return mergeIntoStored(actor, op);
  }
}

/**
 * Locks the stored entry, merges the op into its per-field clocks and, when anything changed,
 * validates the merged entry whole and writes it. An edit of a deleted entry is kept in the
 * tombstone (a later restore shows it), per docs/SYNC.md.
 */
async function mergeIntoStored(actor: Actor, op: ActivityOp): Promise<ApplyResult> {
  const row = await db.activity.findFirst({ where: { id: op.id, family: { memberships: { some: { userId: actor.userId } } } } });
  if (!row) throw new AppError("not_found:activity");
  const { role, child } = await requireChildRole({ actor, childId: row.childId, atLeast: "viewer" }).catch(() => {
    throw new AppError("not_found:activity");
  });
  if (op.kind === "activity.create" && (op.activity.childId !== row.childId || op.activity.type !== row.type)) {
    throw new AppError("conflict:activity_id");
  }
  assertCanModify(role, row, actor);
  return writeWithEvents(actor, async (tx, changes) => {
    const locked = await tx.$queryRaw<Activity[]>`SELECT * FROM "Activity" WHERE id = ${op.id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("not_found:activity");
    const current = await tx.activity.findUniqueOrThrow({ where: { id: op.id } });
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
