import type { Activity } from "@/lib/db/client";
import { writeWithEvents } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/auth/actor";
import type { FamilyEvent } from "@/lib/events/schema";
import { activityView, applyActivityOp as mergeOp, type ActivityState } from "@/lib/sync/merge";
import type { ActivityOp } from "@/lib/sync/ops";
import { childAccess, type AccessCache } from "./child-access";
import { createActivitySchema, type ActivityDto } from "./schema";
import { activityStateOf, assertAfterBirth, assertCanModify, toActivityDto } from "./service";

type Entry = { row: Activity; state: ActivityState; dirty: boolean };

/**
 * Merges ops into stored entries in ONE transaction: locks every named entry that is in one of
 * the actor's families (others: 404), merges the ops in order into each entry's per-field clocks,
 * and validates each merged entry whole; an op that would leave it invalid is refused and the
 * entry stays as it was. Changed entries are then written with one seq each (one seq block per
 * family), one statement for all rows, and one event each: activity.deleted when the entry
 * became deleted, otherwise activity.updated (a deleted entry's event carries its deletedAt).
 * Returns, per op, its refusal or null.
 */
export async function mergeIntoStored({
  actor,
  ops,
  cache,
}: {
  actor: Actor;
  ops: ActivityOp[];
  cache: AccessCache;
}): Promise<(AppError | null)[]> {
  const errors: (AppError | null)[] = ops.map(() => null);
  const ids = [...new Set(ops.map((op) => op.id))].sort();
  return writeWithEvents(actor, async (tx, changes) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT a.id FROM "Activity" a
      JOIN "Membership" m ON m."familyId" = a."familyId" AND m."userId" = ${actor.userId}::uuid
      WHERE a.id = ANY(${ids}::uuid[]) ORDER BY a.id FOR UPDATE OF a`;
    const rows = locked.length === 0 ? [] : await tx.activity.findMany({ where: { id: { in: locked.map((r) => r.id) } } });
    const entries = new Map<string, Entry>(rows.map((row) => [row.id, { row, state: activityStateOf(row), dirty: false }]));
    for (const [i, op] of ops.entries()) {
      try {
        await mergeOne(actor, cache, entries.get(op.id), op);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        errors[i] = error;
      }
    }
    const dirty = [...entries.values()].filter((e) => e.dirty);
    const byFamily = new Map<string, Entry[]>();
    for (const e of dirty) byFamily.set(e.row.familyId, [...(byFamily.get(e.row.familyId) ?? []), e]);
    for (const [familyId, group] of byFamily) {
      const head = await tx.$queryRaw<
        { seq: bigint }[]
      >`UPDATE "Family" SET seq = seq + ${group.length} WHERE id = ${familyId}::uuid RETURNING seq`;
      if (head.length === 0) throw new AppError("not_found:family");
      const first = Number(head[0].seq) - group.length + 1;
      const now = new Date().toISOString();
      const written = group.map((entry, j) => ({ entry, dto: mergedDto(entry, actor, first + j, now) }));
      const data = written.map(({ entry, dto }) => ({
        id: dto.id,
        startedAt: dto.startedAt,
        endedAt: dto.endedAt,
        details: dto.details,
        notes: dto.notes,
        clocks: entry.state.clocks,
        deletedAt: dto.deletedAt,
        deletedHlc: entry.state.deletedHlc,
        seq: dto.seq,
      }));
      await tx.$executeRaw`
        UPDATE "Activity" a SET "startedAt" = d."startedAt", "endedAt" = d."endedAt", details = d.details, notes = d.notes,
               "fieldClocks" = d.clocks, "deletedAt" = d."deletedAt", "deletedHlc" = d."deletedHlc",
               "updatedById" = ${actor.userId}::uuid, version = a.version + 1, seq = d.seq, "updatedAt" = ${now}::timestamptz
        FROM jsonb_to_recordset(${JSON.stringify(data)}::jsonb) AS d(id uuid, "startedAt" timestamptz, "endedAt" timestamptz,
             details jsonb, notes text, clocks jsonb, "deletedAt" timestamptz, "deletedHlc" text, seq bigint)
        WHERE a.id = d.id`;
      const events: FamilyEvent[] = written.map(({ entry, dto }) => {
        const deleted = dto.deletedAt !== null && entry.row.deletedAt === null;
        return {
          type: deleted ? "activity.deleted" : "activity.updated",
          familyId,
          seq: dto.seq,
          actorId: actor.userId,
          at: now,
          data: deleted ? { id: dto.id, childId: dto.childId } : { activity: dto },
        };
      });
      await tx.familyEvent.createMany({
        data: events.map((e) => ({ familyId, seq: e.seq, type: e.type, actorId: e.actorId, payload: e.data as object, createdAt: now })),
      });
      for (const event of events) changes.adopt({ event });
    }
    return errors;
  });
}

async function mergeOne(actor: Actor, cache: AccessCache, entry: Entry | undefined, op: ActivityOp) {
  if (!entry) throw new AppError("not_found:activity");
  const { role, child } = await childAccess(cache, actor, entry.row.childId, "viewer").catch(() => {
    throw new AppError("not_found:activity");
  });
  if (op.kind === "activity.create" && (op.activity.childId !== entry.row.childId || op.activity.type !== entry.row.type)) {
    throw new AppError("conflict:activity_id");
  }
  assertCanModify(role, entry.row, actor);
  const { state, changed } = mergeOp(entry.state, op);
  if (!changed) return;
  assertValid(state, op, child.birthDate);
  entry.state = state;
  entry.dirty = true;
}

/** The merged entry must pass the same rules as a REST create; otherwise the op that led to it is refused. */
function assertValid(state: ActivityState, op: ActivityOp, birthDate: Date) {
  const view = activityView(state);
  if (!view) throw new AppError("not_found:activity");
  const prefix = op.kind === "activity.update" ? ["patch"] : op.kind === "activity.create" ? ["activity"] : [];
  const { deleted: _deleted, id: _id, ...fields } = view;
  const data = parseInput(createActivitySchema, fields, "activity", prefix);
  assertAfterBirth(data.startedAt, birthDate);
}

function mergedDto(entry: Entry, actor: Actor, seq: number, now: string): ActivityDto {
  const view = activityView(entry.state)!;
  return {
    ...toActivityDto(entry.row),
    startedAt: new Date(view.startedAt).toISOString(),
    endedAt: view.endedAt ? new Date(view.endedAt).toISOString() : null,
    details: view.details,
    notes: view.notes,
    updatedById: actor.userId,
    version: entry.row.version + 1,
    seq,
    deletedAt: view.deleted ? (entry.row.deletedAt?.toISOString() ?? now) : null,
    updatedAt: now,
  };
}
