import { db, Prisma, type Timer, type Tx } from "@/lib/db/client";
import { writeWithEvents } from "@/lib/db/transaction";
import { AppError, parseInput } from "@/lib/errors/app-error";
import type { Actor } from "@/lib/auth/actor";
import { requireChildRole, requireFamilyRole } from "@/lib/families/access";
import { toActivityDto } from "@/lib/activities/service";
import { insertActivity } from "@/lib/activities/insert";
import type { CreateActivityInput } from "@/lib/activities/schema";
import type { FamilyEventType } from "@/lib/events/schema";
import { startTimerSchema, timerActionSchema, type Segment, type Side, type TimerAction, type TimerDto } from "./schema";
import { closeOpenSegment, elapsedSeconds, openSegment, otherSide, secondsBySide } from "./segments";

export function toTimerDto(t: Timer, now = new Date()): TimerDto {
  const segments = t.segments as Segment[];
  return {
    id: t.id,
    familyId: t.familyId,
    childId: t.childId,
    type: t.type,
    state: t.state,
    side: (t.side as Side | null) ?? null,
    segments,
    startedAt: t.startedAt.toISOString(),
    stoppedAt: t.stoppedAt?.toISOString() ?? null,
    activityId: t.activityId,
    elapsedSeconds: elapsedSeconds(segments, t.stoppedAt ?? now),
    version: t.version,
    seq: Number(t.seq),
    createdById: t.createdById,
  };
}

/** The side to suggest: the other side from the last breastfeed, or left. */
async function suggestedSide(childId: string): Promise<Side> {
  const last = await db.activity.findFirst({
    where: { childId, type: "feeding", deletedAt: null, details: { path: ["method"], equals: "breast" } },
    orderBy: { startedAt: "desc" },
    select: { details: true },
  });
  const lastSide = (last?.details as { lastSide?: Side } | undefined)?.lastSide;
  return lastSide ? otherSide(lastSide) : "left";
}

/**
 * Starts a shared timer. If the same kind of timer is already running for the child (another
 * phone started it), that timer is returned instead of a second one.
 */
export async function startTimer({ actor, input }: { actor: Actor; input: unknown }): Promise<{ timer: TimerDto; created: boolean }> {
  const data = parseInput(startTimerSchema, input, "timer");
  const { child } = await requireChildRole({ actor, childId: data.childId, atLeast: "caregiver" });
  const active = await db.timer.findFirst({ where: { childId: child.id, type: data.type, state: { not: "stopped" } } });
  if (active) return { timer: toTimerDto(active), created: false };
  const side = data.type === "feeding" ? (data.side ?? (await suggestedSide(child.id))) : null;
  const startedAt = data.startedAt ? new Date(data.startedAt) : new Date();
  try {
    const timer = await writeWithEvents(actor, async (tx, changes) => {
      const seq = await changes.next(child.familyId);
      const row = await tx.timer.create({
        data: {
          familyId: child.familyId,
          childId: child.id,
          type: data.type,
          side,
          segments: openSegment([], side, startedAt) as Prisma.InputJsonValue,
          startedAt,
          createdById: actor.userId,
          seq,
        },
      });
      const dto = toTimerDto(row);
      await changes.record(child.familyId, seq, "timer.started", { timer: dto });
      return dto;
    });
    return { timer, created: true };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await db.timer.findFirst({ where: { childId: child.id, type: data.type, state: { not: "stopped" } } });
      if (winner) return { timer: toTimerDto(winner), created: false };
    }
    throw error;
  }
}

export async function listTimers({ actor, familyId }: { actor: Actor; familyId: string }) {
  await requireFamilyRole({ actor, familyId, atLeast: "viewer" });
  const rows = await db.timer.findMany({
    where: { familyId, state: { not: "stopped" }, child: { deletedAt: null } },
    orderBy: { startedAt: "asc" },
  });
  return rows.map((r) => toTimerDto(r));
}

async function loadTimer(actor: Actor, id: string) {
  const row = await db.timer.findFirst({ where: { id, family: { memberships: { some: { userId: actor.userId } } } } });
  if (!row) throw new AppError("not_found:timer");
  await requireFamilyRole({ actor, familyId: row.familyId, atLeast: "caregiver", surface: "timer" });
  return row;
}

export async function getTimer({ actor, id }: { actor: Actor; id: string }) {
  const row = await db.timer.findFirst({ where: { id, family: { memberships: { some: { userId: actor.userId } } } } });
  if (!row) throw new AppError("not_found:timer");
  return toTimerDto(row);
}

/**
 * pause / resume / switch_side / stop. Stop writes the entry in the same transaction; stopping
 * an already stopped timer returns the same entry, so two caregivers stopping it make one entry.
 */
export async function applyTimerAction({ actor, id, input, at }: { actor: Actor; id: string; input: unknown; at?: Date }) {
  const { action } = parseInput(timerActionSchema, input, "timer");
  const current = await loadTimer(actor, id);
  if (current.state === "stopped") {
    if (action === "stop") return { timer: toTimerDto(current), activity: await stoppedActivity(current) };
    throw new AppError("conflict:timer");
  }
  return writeWithEvents(actor, async (tx, changes) => {
    // Lock the row: concurrent actions on one timer apply one after the other.
    const locked = await tx.$queryRaw<{ version: number }[]>`SELECT version FROM "Timer" WHERE id = ${id}::uuid FOR UPDATE`;
    const timer = await tx.timer.findUniqueOrThrow({ where: { id } });
    if (locked.length === 0) throw new AppError("not_found:timer");
    if (timer.state === "stopped") {
      if (action === "stop") return { timer: toTimerDto(timer), activity: await stoppedActivity(timer, tx) };
      throw new AppError("conflict:timer");
    }
    const now = actionTime(timer, at);
    const next = transition(timer, action, now);
    // The entry first, then the timer: events are recorded in seq order.
    const activity =
      action === "stop"
        ? changes.adopt(await insertActivity(tx, { actor, familyId: timer.familyId, data: activityFromTimer(timer, next.segments, now) }))
            .activity
        : null;
    const seq = await changes.next(timer.familyId);
    const row = await tx.timer.update({
      where: { id },
      data: {
        state: next.state,
        side: next.side,
        segments: next.segments as Prisma.InputJsonValue,
        stoppedAt: action === "stop" ? now : null,
        activityId: activity?.id ?? null,
        version: { increment: 1 },
        seq,
      },
    });
    const dto = toTimerDto(row, now);
    await changes.record(timer.familyId, seq, EVENT_BY_ACTION[action], { timer: dto, ...(activity && { activityId: activity.id }) });
    return { timer: dto, activity };
  });
}

/**
 * When the action happened: now, or for an action queued offline the time the caregiver pressed
 * the button, kept after the timer's last change and not in the future.
 */
function actionTime(timer: Timer, at: Date | undefined): Date {
  const now = new Date();
  if (!at) return now;
  const segments = timer.segments as Segment[];
  const boundaries = [
    timer.startedAt.getTime(),
    ...segments.flatMap((s) => [Date.parse(s.startedAt), s.endedAt ? Date.parse(s.endedAt) : 0]),
  ];
  return new Date(Math.min(now.getTime(), Math.max(at.getTime(), ...boundaries)));
}

/**
 * The timer an offline action names by child and kind (a timer started offline has no id on the
 * device): the running or paused one, else the last stopped one, so a second stop finds the
 * timer the first stop ended and returns its entry.
 */
export async function findTimerFor({ actor, childId, type }: { actor: Actor; childId: string; type: Timer["type"] }): Promise<string> {
  await requireChildRole({ actor, childId, atLeast: "caregiver" });
  const timer =
    (await db.timer.findFirst({ where: { childId, type, state: { not: "stopped" } }, select: { id: true } })) ??
    (await db.timer.findFirst({ where: { childId, type }, orderBy: { stoppedAt: { sort: "desc", nulls: "last" } }, select: { id: true } }));
  if (!timer) throw new AppError("not_found:timer");
  return timer.id;
}

const EVENT_BY_ACTION: Record<TimerAction, FamilyEventType> = {
  pause: "timer.paused",
  resume: "timer.resumed",
  switch_side: "timer.side_switched",
  stop: "timer.stopped",
};

function transition(timer: Timer, action: TimerAction, now: Date) {
  const segments = timer.segments as Segment[];
  const side = timer.side as Side | null;
  switch (action) {
    case "pause":
      return { state: "paused" as const, side, segments: closeOpenSegment(segments, now) };
    case "resume":
      return { state: "running" as const, side, segments: timer.state === "paused" ? openSegment(segments, side, now) : segments };
    case "switch_side": {
      if (timer.type !== "feeding" || !side)
        throw new AppError("bad_request:timer", { fields: { action: { key: "side_only_for_feeding" } } });
      const flipped = otherSide(side);
      const closed = closeOpenSegment(segments, now);
      return { state: "running" as const, side: flipped, segments: openSegment(closed, flipped, now) };
    }
    case "stop":
      return { state: "stopped" as const, side, segments: closeOpenSegment(segments, now) };
  }
}

function activityFromTimer(timer: Timer, segments: Segment[], now: Date): CreateActivityInput {
  const base = { childId: timer.childId, startedAt: timer.startedAt.toISOString(), endedAt: now.toISOString() };
  switch (timer.type) {
    case "feeding": {
      const bySide = secondsBySide(segments, now);
      return {
        ...base,
        type: "feeding",
        details: {
          method: "breast",
          leftSeconds: bySide.left,
          rightSeconds: bySide.right,
          ...(timer.side && { lastSide: timer.side as Side }),
        },
      };
    }
    case "sleep":
      return { ...base, type: "sleep", details: {} };
    case "pumping":
      return { ...base, type: "pumping", details: {} };
    case "tummy_time":
      return { ...base, type: "tummy_time", details: {} };
  }
}

async function stoppedActivity(timer: Timer, client: Tx | typeof db = db) {
  if (!timer.activityId) return null;
  const row = await client.activity.findUnique({ where: { id: timer.activityId } });
  return row ? toActivityDto(row) : null;
}
