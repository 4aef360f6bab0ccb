import { UnrecoverableError, Worker, type Job } from "bullmq";
import { createQueueConnection, queuePrefix } from "@/lib/queue/connection";
import { isJobName, jobDefinitions, queueNames, type JobName } from "@/lib/queue/jobs";
import type { Processors } from "./processors";

/**
 * Dispatches a job to its processor after validating the payload again on this side of Redis.
 * An unknown name or an invalid payload will never succeed: it fails at once (no retries) and
 * stays in the failed set.
 */
export function dispatcher(processors: Processors) {
  return async (job: Job) => {
    if (!isJobName(job.name)) throw new UnrecoverableError(`unknown job "${job.name}"`);
    const name: JobName = job.name;
    const parsed = jobDefinitions[name].payload.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid ${name} payload: ${parsed.error.message}`);
    const processor = processors[name] as (payload: unknown, job: Job) => Promise<unknown>;
    return processor(parsed.data, job);
  };
}

/** One BullMQ Worker per queue. Retries and backoff come from the jobs' options (lib/queue/jobs.ts). */
export function startWorkers({
  processors,
  concurrency,
  prefix = queuePrefix(),
}: {
  processors: Processors;
  concurrency: number;
  prefix?: string;
}) {
  const workers = queueNames.map((queue) => {
    const worker = new Worker(queue, dispatcher(processors), {
      connection: createQueueConnection("worker"),
      prefix,
      concurrency,
    });
    worker.on("failed", (job, error) => {
      const final = job && job.attemptsMade >= (job.opts.attempts ?? 1);
      console.error(
        `[worker] ${job?.name ?? "job"} ${job?.id ?? ""} failed (attempt ${job?.attemptsMade ?? "?"}${final ? ", giving up" : ""}): ${error.message}`,
      );
    });
    worker.on("error", (error) => console.error("[worker] error", error.message));
    return worker;
  });
  return {
    workers,
    /** Stops taking jobs and waits for the running ones to finish. */
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
