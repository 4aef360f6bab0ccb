import { z } from "zod";

/** Every family event type, by name. The realtime sidecar and clients validate against this. */
export const familyEventTypes = [
  "activity.created",
  "activity.updated",
  "activity.deleted",
  "timer.started",
  "timer.paused",
  "timer.resumed",
  "timer.side_switched",
  "timer.stopped",
  "child.created",
  "child.updated",
  "child.deleted",
  "family.updated",
  "family.deleted",
  "membership.added",
  "membership.updated",
  "membership.removed",
  /** From the worker (lib/insights/refresh.ts): a new insight or guardrail alert about a child. */
  "insight.created",
  "alert.raised",
] as const;

export type FamilyEventType = (typeof familyEventTypes)[number];

export const familyEventSchema = z.object({
  type: z.enum(familyEventTypes),
  familyId: z.uuid(),
  seq: z.number().int().nonnegative(),
  actorId: z.uuid().nullable(),
  at: z.iso.datetime({ offset: true }),
  data: z.record(z.string(), z.unknown()),
});

export type FamilyEvent = z.infer<typeof familyEventSchema>;

export const familyChannel = (familyId: string) => `family:${familyId}:events`;
export const FAMILY_CHANNEL_PATTERN = "family:*:events";
