import type { Job } from "bullmq";
import type { JobName, JobPayload } from "@/lib/queue/jobs";
import { processNightlyInsights } from "./nightly-insights";
import { processPurgeFamily } from "./purge-family";
import { processRefreshChild } from "./refresh-child";

export type Processor<N extends JobName> = (payload: JobPayload<N>, job: Job) => Promise<unknown>;
export type Processors = { [N in JobName]: Processor<N> };

/** One processor per job name. */
export const processors: Processors = {
  "refresh-child": processRefreshChild,
  "nightly-insights": processNightlyInsights,
  "purge-family": processPurgeFamily,
};
