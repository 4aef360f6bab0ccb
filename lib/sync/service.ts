import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/config/env";
import { AppError, parseInput } from "@/lib/errors/app-error";
import { applyActivityOps } from "@/lib/activities/service";
import { applyTimerOp } from "@/lib/timers/apply-op";
import { changesSince } from "./changes";
import { decodeHlc, isHlc } from "./hlc";
import { activityOpKinds, syncRequestSchema } from "./ops";
import type { FamilyChanges } from "./schema";
import { serverClock } from "./server-clock";

export type SyncResult = {
  applied: string[];
  rejected: { opId: string; error: AppError }[];
  changes: FamilyChanges[];
  seq: Record<string, number>;
  hlc: string;
};

/**
 * POST /api/v1/sync: applies a device's queued ops through the domain services (one refusal never
 * blocks the others), then returns every change since the device's `since`. An op whose id was applied before is answered as applied again
 * without being re-applied; activity ops are idempotent by their clocks as well (docs/SYNC.md).
 */
export async function syncForActor({ actor, input }: { actor: Actor; input: unknown }): Promise<SyncResult> {
  const { since, ops } = parseInput(syncRequestSchema, input, "sync");
  const done = new Set(
    ops.length === 0
      ? []
      : (await db.syncOp.findMany({ where: { opId: { in: ops.map((op) => op.opId) }, userId: actor.userId }, select: { opId: true } })).map(
          (r) => r.opId,
        ),
  );
  const refused = new Map<string, AppError>();
  const toRecord: { opId: string; userId: string; kind: string }[] = [];
  const fresh = ops.filter((op, i) => !done.has(op.opId) && ops.findIndex((o) => o.opId === op.opId) === i);
  const clockError = (op: (typeof ops)[number]) => {
    try {
      assertClock(op.hlc);
      return null;
    } catch (error) {
      return error as AppError;
    }
  };
  try {
    // Activity ops commute (docs/SYNC.md): they are applied as one batch; timer ops in order after.
    const activityOps = fresh.filter((op) => (activityOpKinds as readonly unknown[]).includes(op.kind));
    const checked = activityOps.filter((op) => {
      const error = clockError(op);
      if (error) refused.set(op.opId, error);
      return !error;
    });
    const outcomes = await applyActivityOps({ actor, ops: checked });
    checked.forEach((op, i) => {
      const error = outcomes[i];
      if (error) refused.set(op.opId, error);
      else toRecord.push({ opId: op.opId, userId: actor.userId, kind: String(op.kind) });
    });
    for (const op of fresh.filter((o) => !activityOps.includes(o))) {
      try {
        const error = clockError(op);
        if (error) throw error;
        await applyTimerOp({ actor, op });
        // Timer actions are not idempotent by themselves (pause, resume): record at once.
        await recordApplied([{ opId: op.opId, userId: actor.userId, kind: String(op.kind) }]);
      } catch (error) {
        if (!(error instanceof AppError) || error.kind === "unavailable" || error.kind === "internal") throw error;
        refused.set(op.opId, error);
      }
    }
  } finally {
    // What was applied stays applied even if a later op hit an outage: the retry skips it.
    await recordApplied(toRecord).catch((e) => console.error("[sync] could not record applied ops", e));
  }
  // Request order; an op id sent twice is answered once.
  const applied: string[] = [];
  const rejected: SyncResult["rejected"] = [];
  const answered = new Set<string>();
  for (const { opId } of ops) {
    if (answered.has(opId)) continue;
    answered.add(opId);
    const error = refused.get(opId);
    if (error) rejected.push({ opId, error });
    else applied.push(opId);
  }
  const changes = await changesSince({ actor, since });
  return { applied, rejected, changes, seq: Object.fromEntries(changes.map((c) => [c.familyId, c.seq])), hlc: serverClock.now() };
}

async function recordApplied(rows: { opId: string; userId: string; kind: string }[]) {
  if (rows.length > 0) await db.syncOp.createMany({ data: rows, skipDuplicates: true });
}

/** A stamp must parse and not be ahead of this server by more than SYNC_MAX_DRIFT_SECONDS (it would win every conflict). */
function assertClock(hlc: unknown) {
  if (!isHlc(hlc)) throw new AppError("bad_request:sync", { fields: { hlc: { key: "invalid" } } });
  if (decodeHlc(hlc).wall > Date.now() + env().SYNC_MAX_DRIFT_SECONDS * 1000) {
    throw new AppError("bad_request:sync", { fields: { hlc: { key: "in_future" } } });
  }
}
