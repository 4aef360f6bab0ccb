import type { JobsOptions } from "bullmq";
import { env } from "@/lib/config/env";
import { getQueue, queuePrefix } from "./connection";
import { jobDefinitions, type JobInput, type JobName } from "./jobs";

/** Adds a job after validating its payload against the job's schema; returns the job id. */
export async function enqueue<N extends JobName>(
  name: N,
  payload: JobInput<N>,
  options: JobsOptions = {},
  prefix = queuePrefix(),
): Promise<string | undefined> {
  const definition = jobDefinitions[name];
  const data = definition.payload.parse(payload);
  const job = await getQueue(definition.queue, prefix).add(name, data, options);
  return job.id;
}

/**
 * One refresh per child per burst of changes: BullMQ's debounce mode (a delayed job deduplicated
 * by child; each new change replaces it and pushes its start back by REFRESH_DEBOUNCE_MS).
 */
export function scheduleChildRefresh({ familyId, childId }: { familyId: string; childId: string }, prefix = queuePrefix()) {
  const delay = env().REFRESH_DEBOUNCE_MS;
  return enqueue(
    "refresh-child",
    { familyId, childId },
    { delay, deduplication: { id: `refresh-child:${childId}`, ttl: delay, extend: true, replace: true } },
    prefix,
  );
}
