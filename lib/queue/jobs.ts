import { z } from "zod";
import type { JobsOptions } from "bullmq";

/** The worker's queues. One BullMQ Worker runs per queue; jobs are told apart by name. */
export const queueNames = ["analytics"] as const;
export type QueueName = (typeof queueNames)[number];

/** Every job by name: its queue and its payload, validated when enqueued and again when processed. */
export const jobDefinitions = {
  /** Recompute one child's totals, predictions, insights and alerts (debounced after each change). */
  "refresh-child": {
    queue: "analytics",
    payload: z.object({ familyId: z.uuid(), childId: z.uuid() }).strict(),
  },
  /** A deleted family's documents (analytics, chats, reports, logs): PostgreSQL cascades its rows, the document store does not. */
  "purge-family": {
    queue: "analytics",
    payload: z.object({ familyId: z.uuid() }).strict(),
  },
  /** Daily insights for every child with recent entries (scheduled nightly). */
  "nightly-insights": {
    queue: "analytics",
    payload: z.object({ activeWithinDays: z.number().int().min(1).max(366).default(2) }).strict(),
  },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodType }>;

export type JobName = keyof typeof jobDefinitions;
export const jobNames = Object.keys(jobDefinitions) as JobName[];
export type JobPayload<N extends JobName> = z.infer<(typeof jobDefinitions)[N]["payload"]>;
export type JobInput<N extends JobName> = z.input<(typeof jobDefinitions)[N]["payload"]>;

export const isJobName = (name: string): name is JobName => Object.hasOwn(jobDefinitions, name);

/**
 * Retries with exponential backoff (1 s, 2 s, 4 s, 8 s); failed jobs stay in the failed set for
 * inspection (the newest 5000), completed ones are trimmed.
 */
export const defaultJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: { count: 1000, age: 24 * 3600 },
  removeOnFail: { count: 5000 },
};
