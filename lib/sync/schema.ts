import { z } from "zod";
import { activitySchema } from "@/lib/activities/schema";
import { childSchema } from "@/lib/children/schema";
import { roleSchema } from "@/lib/families/schema";
import { timerSchema } from "@/lib/timers/schema";
import { hlcSchema, syncOpSchema, syncRequestSchema } from "./ops";

/** An entry as sync sends it: with the clocks the device merges its own pending ops against. */
export const activitySyncSchema = activitySchema.extend({
  clocks: z.record(z.string(), z.string()),
  deletedHlc: z.string().nullable(),
});

export const childSyncSchema = childSchema.extend({ deletedAt: z.string().nullable() });

/**
 * What changed in one family after the device's `since` seq, up to `seq`. The device upserts every
 * row by id (a row with `deletedAt` set is a tombstone: remove it), then stores `seq` as its next
 * `since`. `reset`: the device's seq is unknown here (restore, another server): replace the
 * family's data with this. `more`: the answer was cut at `seq`; sync again for the rest. A first
 * sync (no `since`) gets live children, running timers and live entries of the last
 * SYNC_WINDOW_DAYS days; later ones get every changed row, tombstones included.
 */
export const familyChangesSchema = z.object({
  familyId: z.uuid(),
  name: z.string(),
  role: roleSchema,
  seq: z.number().int().nonnegative(),
  reset: z.boolean(),
  more: z.boolean(),
  children: z.array(childSyncSchema),
  activities: z.array(activitySyncSchema),
  timers: z.array(timerSchema),
});
export type FamilyChanges = z.infer<typeof familyChangesSchema>;

export const syncErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});

/**
 * POST /api/v1/sync response. Every op of the request is either applied (also when it had been
 * applied before, or lost every conflict) or rejected with the reason; families the user no longer
 * belongs to are absent from `changes` (the device drops them).
 */
export const syncResponseSchema = z.object({
  applied: z.array(z.uuid()),
  rejected: z.array(z.object({ opId: z.uuid(), error: syncErrorSchema })),
  changes: z.array(familyChangesSchema),
  /** familyId → seq: the `since` of the next sync. */
  seq: z.record(z.uuid(), z.number().int().nonnegative()),
  /** The server's clock: the device receives it so its next stamps sort after what it saw. */
  hlc: hlcSchema,
});
export type SyncResponse = z.infer<typeof syncResponseSchema>;

/** The request as documented (ops fully typed; the server first checks only each op's envelope). */
export const syncRequestDocSchema = syncRequestSchema.extend({ ops: z.array(syncOpSchema).max(500).default([]) });
