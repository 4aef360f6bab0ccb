import http from "node:http";
import type { Worker } from "bullmq";
import { getQueue } from "@/lib/queue/connection";
import type { QueueName } from "@/lib/queue/jobs";

/** GET /health: 200 with each queue's job counts while every worker runs, 503 otherwise. */
export function startHealthServer({ port, host, workers, prefix }: { port: number; host: string; workers: Worker[]; prefix: string }) {
  const server = http.createServer(async (req, res) => {
    if (req.url !== "/health") {
      res.writeHead(404).end();
      return;
    }
    try {
      const queues = await Promise.all(
        workers.map(async (w) => ({
          queue: w.name,
          running: w.isRunning(),
          counts: await getQueue(w.name as QueueName, prefix).getJobCounts("waiting", "active", "delayed", "failed", "completed"),
        })),
      );
      const ok = queues.every((q) => q.running);
      res.writeHead(ok ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify({ status: ok ? "ok" : "degraded", queues }));
    } catch {
      res.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ status: "degraded" }));
    }
  });
  server.listen(port, host);
  return server;
}
