import { z } from "zod";

export const timerTypes = ["feeding", "sleep", "pumping", "tummy_time"] as const;
export const sides = ["left", "right"] as const;
export type Side = (typeof sides)[number];

export const startTimerSchema = z
  .object({
    childId: z.uuid(),
    type: z.enum(timerTypes),
    side: z.enum(sides).optional(),
    startedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.side && value.type !== "feeding") ctx.addIssue({ code: "custom", path: ["side"], params: { i18n: "side_only_for_feeding" } });
    if (value.startedAt) {
      const t = Date.parse(value.startedAt);
      if (t > Date.now() + 60_000) ctx.addIssue({ code: "custom", path: ["startedAt"], params: { i18n: "in_future" } });
      if (t < Date.now() - 24 * 3600_000) ctx.addIssue({ code: "custom", path: ["startedAt"], params: { i18n: "too_long_duration" } });
    }
  });

export const timerActionSchema = z.object({ action: z.enum(["pause", "resume", "switch_side", "stop"]) }).strict();
export type TimerAction = z.infer<typeof timerActionSchema>["action"];

export const segmentSchema = z.object({
  side: z.enum(sides).nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
});
export type Segment = z.infer<typeof segmentSchema>;

export const timerSchema = z.object({
  id: z.uuid(),
  familyId: z.uuid(),
  childId: z.uuid(),
  type: z.enum(timerTypes),
  state: z.enum(["running", "paused", "stopped"]),
  side: z.enum(sides).nullable(),
  segments: z.array(segmentSchema),
  startedAt: z.string(),
  stoppedAt: z.string().nullable(),
  activityId: z.uuid().nullable(),
  elapsedSeconds: z.number().int(),
  version: z.number().int(),
  seq: z.number().int(),
  createdById: z.uuid(),
});
export type TimerDto = z.infer<typeof timerSchema>;
