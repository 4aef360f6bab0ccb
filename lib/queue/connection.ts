import Redis, { type RedisOptions } from "ioredis";
import { Queue } from "bullmq";
import { env } from "@/lib/config/env";
import { defaultJobOptions, type QueueName } from "./jobs";

/** Key prefix of every queue: QUEUE_PREFIX (each test run, and tests that run their own worker, use their own). */
export const queuePrefix = () => env().QUEUE_PREFIX;

/**
 * A connection for BullMQ. Workers block on Redis and must retry forever
 * (maxRetriesPerRequest: null, as BullMQ requires); producers fail fast instead, so that a Redis
 * outage never stalls a write that only wanted to enqueue follow-up work.
 */
export function createQueueConnection(role: "worker" | "producer", options: RedisOptions = {}): Redis {
  const connection = new Redis(env().REDIS_URL, {
    maxRetriesPerRequest: null,
    ...(role === "producer" && { enableOfflineQueue: false }),
    ...options,
  });
  connection.on("error", (error) => {
    if (role === "worker") console.error("[queue] redis error", error.message);
  });
  return connection;
}

const globalForQueues = globalThis as unknown as { nestlingQueues?: Map<string, Queue> };
const producerConnections = new WeakMap<Queue, Redis>();

/** The process's producer for a queue (created on first use). */
export function getQueue(name: QueueName, prefix = queuePrefix()): Queue {
  globalForQueues.nestlingQueues ??= new Map();
  const id = `${prefix}:${name}`;
  let queue = globalForQueues.nestlingQueues.get(id);
  if (!queue) {
    const connection = createQueueConnection("producer");
    queue = new Queue(name, { connection, prefix, defaultJobOptions });
    // BullMQ does not close a connection it was given: close() below has to.
    producerConnections.set(queue, connection);
    queue.on("error", () => {});
    globalForQueues.nestlingQueues.set(id, queue);
  }
  return queue;
}

export async function closeQueues(): Promise<void> {
  const queues = [...(globalForQueues.nestlingQueues?.values() ?? [])];
  globalForQueues.nestlingQueues?.clear();
  await Promise.all(
    queues.map(async (q) => {
      await q.close();
      producerConnections.get(q)?.disconnect();
    }),
  );
}
