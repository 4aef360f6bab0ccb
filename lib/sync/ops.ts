import { z } from "zod";
import { HLC_PATTERN } from "./hlc";

/**
 * Offline operations: what a device queues in its outbox and sends to POST /api/v1/sync.
 * Every op has a client-generated `opId` (the idempotency key) and the device's hybrid logical
 * clock stamp `hlc` (the order of conflicting edits; see docs/SYNC.md). Browser-safe: zod only.
 *
 * The envelope is checked first so that a malformed op can still be reported by its opId; the
 * payload is then validated by the domain service that applies it (the same rules as REST).
 */

export const activityOpKinds = ["activity.create", "activity.update", "activity.delete", "activity.restore"] as const;
export const timerActionKinds = ["timer.pause", "timer.resume", "timer.switch_side", "timer.stop"] as const;
export const syncOpKinds = [...activityOpKinds, "timer.start", ...timerActionKinds] as const;
export type SyncOpKind = (typeof syncOpKinds)[number];

export const hlcSchema = z.string().regex(HLC_PATTERN);

const envelope = { opId: z.uuid(), hlc: hlcSchema };

/** The fields an update may change; `details` keys are merged one by one, `null` removes a key. */
export const activityPatchSchema = z
  .object({
    startedAt: z.iso.datetime({ offset: true }).optional(),
    endedAt: z.iso.datetime({ offset: true }).nullable().optional(),
    notes: z.string().trim().max(2000).nullable().optional(),
    details: z.record(z.string().min(1).max(60), z.unknown()).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { params: { i18n: "required" } });
export type ActivityPatch = z.infer<typeof activityPatchSchema>;

/** A new entry as the device logged it: the create-activity body (validated by the service) without its id. */
export const activityCreateFieldsSchema = z
  .object({
    childId: z.uuid(),
    type: z.string().min(1).max(40),
    startedAt: z.string(),
    endedAt: z.string().nullable().optional(),
    notes: z.string().nullable().optional(),
    details: z.record(z.string(), z.unknown()),
  })
  .strict();
export type ActivityCreateFields = z.infer<typeof activityCreateFieldsSchema>;

export const activityCreateOpSchema = z
  .object({ ...envelope, kind: z.literal("activity.create"), id: z.uuid(), activity: activityCreateFieldsSchema })
  .strict();
export const activityUpdateOpSchema = z
  .object({ ...envelope, kind: z.literal("activity.update"), id: z.uuid(), patch: activityPatchSchema })
  .strict();
export const activityDeleteOpSchema = z.object({ ...envelope, kind: z.literal("activity.delete"), id: z.uuid() }).strict();
export const activityRestoreOpSchema = z.object({ ...envelope, kind: z.literal("activity.restore"), id: z.uuid() }).strict();

export const activityOpSchema = z.discriminatedUnion("kind", [
  activityCreateOpSchema,
  activityUpdateOpSchema,
  activityDeleteOpSchema,
  activityRestoreOpSchema,
]);
export type ActivityOp = z.infer<typeof activityOpSchema>;

/**
 * Which timer an action is for: its id when the device knows it, or the child and kind of timer
 * (a timer started offline has no server id yet; there is at most one running per child and kind).
 */
export const timerTargetSchema = z.union([
  z.object({ id: z.uuid() }).strict(),
  z.object({ childId: z.uuid(), type: z.enum(["feeding", "sleep", "pumping", "tummy_time"]) }).strict(),
]);
export type TimerTarget = z.infer<typeof timerTargetSchema>;

export const timerStartOpSchema = z
  .object({
    ...envelope,
    kind: z.literal("timer.start"),
    /** The start-timer body (childId, type, side?, startedAt?), validated by the timer service. */
    timer: z.record(z.string(), z.unknown()),
  })
  .strict();

export const timerActionOpSchema = z
  .object({
    ...envelope,
    kind: z.enum(timerActionKinds),
    timer: timerTargetSchema,
    /** When the caregiver pressed the button (device time); defaults to when the server applies it. */
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export const timerOpSchema = z.union([timerStartOpSchema, timerActionOpSchema]);
export type TimerOp = z.infer<typeof timerOpSchema>;

export const syncOpSchema = z.union([activityOpSchema, timerStartOpSchema, timerActionOpSchema]);
export type SyncOp = z.infer<typeof syncOpSchema>;

/** The part of an op that must be valid for it to be reported back (applied or rejected) by id. */
export const syncOpEnvelopeSchema = z.object({ opId: z.uuid(), hlc: z.unknown(), kind: z.unknown() }).loose();

export const MAX_SYNC_OPS = 500;

/** POST /api/v1/sync body: `since` maps familyId → the last family seq the device has. */
export const syncRequestSchema = z
  .object({
    since: z.record(z.uuid(), z.number().int().nonnegative()).default({}),
    ops: z.array(syncOpEnvelopeSchema).max(MAX_SYNC_OPS).default([]),
  })
  .strict();
export type SyncRequest = z.infer<typeof syncRequestSchema>;

export function isActivityOp(op: SyncOp): op is ActivityOp {
  return (activityOpKinds as readonly string[]).includes(op.kind);
}
