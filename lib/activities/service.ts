import { db, Prisma, type Activity } from "@/lib/db/client";
import { publishFamilyEvents } from "@/lib/events/publish";
import { isUniqueViolation } from "@/lib/db/errors";
import { insertActivity } from "./insert";
import { writeWithEvents } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/auth/actor";
import { hasRole, type Role } from "@/lib/auth/roles";
import { requireChildRole } from "@/lib/families/access";
import { createActivitySchema, listActivitiesQuerySchema, updateActivitySchema, type ActivityDto } from "./schema";
import { decodeCursor, encodeCursor } from "./cursor";
import { activityStateFromRecord, createWrites, stampChangedFields } from "@/lib/sync/merge";
import { serverClock } from "@/lib/sync/server-clock";

export function toActivityDto(row: Activity): ActivityDto {
  return {
    id: row.id,
    familyId: row.familyId,
    childId: row.childId,
    type: row.type,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    details: row.details as Record<string, unknown>,
    notes: row.notes,
    createdById: row.createdById,
    updatedById: row.updatedById,
    version: row.version,
    seq: Number(row.seq),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** An entry with the clocks of its fields: what offline sync sends devices (lib/sync/merge.ts). */
export type ActivitySyncDto = ActivityDto & { clocks: Record<string, string>; deletedHlc: string | null };

export function toActivitySyncDto(row: Activity): ActivitySyncDto {
  return { ...toActivityDto(row), clocks: (row.fieldClocks ?? {}) as Record<string, string>, deletedHlc: row.deletedHlc };
}

/** A stored entry as a merge state. */
export function activityStateOf(row: Activity) {
  const dto = toActivitySyncDto(row);
  return activityStateFromRecord({ ...dto, deleted: dto.deletedAt !== null });
}

/**
 * A server stamp for a REST write of `row`, later than every stamp the row holds: another app
 * process may have stamped it, or a device whose clock runs a little ahead (SYNC_MAX_DRIFT_SECONDS).
 */
function stampAfter(row: Activity): string {
  const stamps = [...Object.values((row.fieldClocks ?? {}) as Record<string, string>), row.deletedHlc ?? ""];
  const latest = stamps.reduce((a, b) => (b > a ? b : a), "");
  if (latest) serverClock.receive(latest);
  return serverClock.now();
}

export function assertAfterBirth(startedAt: string, birthDate: Date) {
  // A day of slack: the birth date is a calendar date in the child's zone, not UTC midnight.
  if (Date.parse(startedAt) < birthDate.getTime() - 24 * 3600_000) {
    throw new AppError("bad_request:activity", { fields: { startedAt: { key: "before_birth" } } });
  }
}

/** Caregivers edit and delete only their own entries; parents and owners edit any. */
export function assertCanModify(role: Role, activity: Activity, actor: Actor) {
  if (!hasRole(role, "caregiver")) throw new AppError("forbidden:activity");
  if (!hasRole(role, "parent") && activity.createdById !== actor.userId) throw new AppError("forbidden:activity");
}

/**
 * Logs an entry. With a client-generated `id` the call is idempotent: the same id again returns
 * the stored entry (`created: false`) instead of a duplicate.
 */
export async function createActivity({
  actor,
  input,
}: {
  actor: Actor;
  input: unknown;
}): Promise<{ activity: ActivityDto; created: boolean }> {
  const data = parseInput(createActivitySchema, input, "activity");
  const { child } = await requireChildRole({ actor, childId: data.childId, atLeast: "caregiver" });
  assertAfterBirth(data.startedAt, child.birthDate);
  try {
    const { activity, event } = await insertActivity(db, { actor, familyId: child.familyId, data });
    await publishFamilyEvents([event]);
    return { activity, created: true };
  } catch (error) {
    // The same client id again (a retry, or two racing): return the stored entry.
    if (data.id && isUniqueViolation(error)) {
      const existing = await findExisting(data.id, child.familyId);
      if (existing) return { activity: existing, created: false };
    }
    throw error;
  }
}

async function findExisting(id: string, familyId: string): Promise<ActivityDto | null> {
  const row = await db.activity.findUnique({ where: { id } });
  if (!row) return null;
  if (row.familyId !== familyId) throw new AppError("conflict:activity_id");
  return toActivityDto(row);
}

async function loadActivity(actor: Actor, id: string) {
  const row = await db.activity.findFirst({
    where: { id, deletedAt: null, family: { memberships: { some: { userId: actor.userId } } } },
  });
  if (!row) throw new AppError("not_found:activity");
  const { role } = await requireChildRole({ actor, childId: row.childId, atLeast: "viewer" }).catch(() => {
    throw new AppError("not_found:activity");
  });
  return { row, role };
}

export async function getActivity({ actor, id }: { actor: Actor; id: string }) {
  const { row } = await loadActivity(actor, id);
  return toActivityDto(row);
}

/** Applies a partial edit when `version` matches the stored one; the result is re-validated whole. */
export async function updateActivity({ actor, id, input }: { actor: Actor; id: string; input: unknown }) {
  const patch = parseInput(updateActivitySchema, input, "activity");
  const { row, role } = await loadActivity(actor, id);
  assertCanModify(role, row, actor);
  if (patch.version !== row.version) throw new AppError("conflict:version");
  const merged = parseInput(
    createActivitySchema,
    {
      childId: row.childId,
      type: row.type,
      startedAt: patch.startedAt ?? row.startedAt.toISOString(),
      endedAt: patch.endedAt === undefined ? (row.endedAt?.toISOString() ?? null) : patch.endedAt,
      details: patch.details ?? row.details,
      notes: patch.notes === undefined ? row.notes : patch.notes,
    },
    "activity",
  );
  const child = await db.child.findUniqueOrThrow({ where: { id: row.childId }, select: { birthDate: true } });
  assertAfterBirth(merged.startedAt, child.birthDate);
  const startedAt = new Date(merged.startedAt);
  const endedAt = merged.endedAt ? new Date(merged.endedAt) : null;
  // The fields this edit changed get this server's hlc, so offline edits compare with it.
  const after = createWrites({ ...merged, startedAt: startedAt.toISOString(), endedAt: endedAt?.toISOString() ?? null });
  const fieldClocks = stampChangedFields(activityStateOf(row), after, stampAfter(row));
  return writeWithEvents(actor, async (tx, changes) => {
    const seq = await changes.next(row.familyId);
    const { count } = await tx.activity.updateMany({
      where: { id, version: row.version, deletedAt: null },
      data: {
        startedAt,
        endedAt,
        details: merged.details as Prisma.InputJsonValue,
        notes: merged.notes ?? null,
        fieldClocks,
        updatedById: actor.userId,
        version: { increment: 1 },
        seq,
      },
    });
    if (count === 0) {
      // Deleted meanwhile → 404; still there → someone else's edit won.
      const still = await tx.activity.findFirst({ where: { id, deletedAt: null }, select: { id: true } });
      throw new AppError(still ? "conflict:version" : "not_found:activity");
    }
    const activity = toActivityDto(await tx.activity.findUniqueOrThrow({ where: { id } }));
    await changes.record(row.familyId, seq, "activity.updated", { activity });
    return activity;
  });
}

/** Deletes by tombstone, so offline devices learn of it through sync and catch-up. */
export async function deleteActivity({ actor, id }: { actor: Actor; id: string }) {
  const { row, role } = await loadActivity(actor, id);
  assertCanModify(role, row, actor);
  await writeWithEvents(actor, async (tx, changes) => {
    const seq = await changes.next(row.familyId);
    const { count } = await tx.activity.updateMany({
      where: { id, deletedAt: null },
      data: { deletedAt: new Date(), deletedHlc: stampAfter(row), updatedById: actor.userId, version: { increment: 1 }, seq },
    });
    if (count === 0) throw new AppError("not_found:activity");
    await changes.record(row.familyId, seq, "activity.deleted", { id, childId: row.childId });
  });
}

/** Undoes a delete: the entry comes back with a new version and seq (an activity.updated event). */
export async function restoreActivity({ actor, id }: { actor: Actor; id: string }) {
  const row = await db.activity.findFirst({
    where: { id, deletedAt: { not: null }, family: { memberships: { some: { userId: actor.userId } } } },
  });
  if (!row) throw new AppError("not_found:activity");
  const { role } = await requireChildRole({ actor, childId: row.childId, atLeast: "viewer" }).catch(() => {
    throw new AppError("not_found:activity");
  });
  assertCanModify(role, row, actor);
  return writeWithEvents(actor, async (tx, changes) => {
    const seq = await changes.next(row.familyId);
    const { count } = await tx.activity.updateMany({
      where: { id, deletedAt: { not: null } },
      data: { deletedAt: null, deletedHlc: stampAfter(row), updatedById: actor.userId, version: { increment: 1 }, seq },
    });
    if (count === 0) throw new AppError("not_found:activity");
    const activity = toActivityDto(await tx.activity.findUniqueOrThrow({ where: { id } }));
    await changes.record(row.familyId, seq, "activity.updated", { activity });
    return activity;
  });
}

/** Every live entry of a child that starts in [from, to), oldest first (timeline, dashboard, summaries). */
export async function listActivitiesBetween({ actor, childId, from, to }: { actor: Actor; childId: string; from: Date; to: Date }) {
  await requireChildRole({ actor, childId, atLeast: "viewer" });
  const rows = await db.activity.findMany({
    where: { childId, deletedAt: null, startedAt: { gte: from, lt: to } },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    take: 10_000,
  });
  return rows.map(toActivityDto);
}

/** Newest first, keyset-paginated on (startedAt, id). */
export async function listActivities({ actor, query }: { actor: Actor; query: unknown }) {
  const q = parseInput(listActivitiesQuerySchema, query, "activity");
  await requireChildRole({ actor, childId: q.childId, atLeast: "viewer" });
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  const startedAt: Prisma.DateTimeFilter = {};
  if (q.from) startedAt.gte = new Date(q.from);
  if (q.to) startedAt.lt = new Date(q.to);
  const rows = await db.activity.findMany({
    where: {
      childId: q.childId,
      deletedAt: null,
      type: q.type,
      startedAt,
      ...(cursor && {
        OR: [{ startedAt: { lt: cursor.startedAt } }, { startedAt: cursor.startedAt, id: { lt: cursor.id } }],
      }),
    },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toActivityDto),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.startedAt, last.id) : null,
  };
}

export { applyActivityOp, applyActivityOps } from "./apply-op";
