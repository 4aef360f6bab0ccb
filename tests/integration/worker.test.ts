import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import { Queue, type Job } from "bullmq";
import { afterAll, describe, expect, it } from "vitest";
import { api, createChild, minutesAgo, registerAccount } from "../helpers/api";
import { familyEvents, query } from "../helpers/db";
import { subscribeFamily } from "../helpers/events";
import { enqueue } from "@/lib/queue/enqueue";
import { closeQueues, createQueueConnection, getQueue } from "@/lib/queue/connection";
import { defaultJobOptions } from "@/lib/queue/jobs";
import { startWorkers } from "@/worker/workers";
import { processors, type Processors } from "@/worker/processors";

/**
 * The worker that scripts/run-tests.ts runs beside the app (real Redis and PostgreSQL, the run's
 * own QUEUE_PREFIX): writes through the API must reach it; and, with a worker of our own on a
 * private prefix, failing jobs must retry with backoff and end in the failed set.
 */
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 2 });
afterAll(async () => {
  await closeQueues();
  redis.disconnect();
});

async function eventually<T>(read: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

type Cached = { childId: string; seq: number; computedAt: string; nextFeed: { at: string; low: string; high: string } | null };

describe("worker: refresh after a write", () => {
  it("a logged entry leads to fresh predictions in Redis, a snapshot and an insight in the document store, announced with a seq", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const o = api(owner.token);
    // Three days of feeds every three hours, so yesterday is complete whatever the hour.
    for (let m = 72 * 60; m >= 60; m -= 180) {
      const res = await o.post("/api/v1/activities", {
        childId: child.id,
        type: "feeding",
        startedAt: minutesAgo(m),
        details: { method: "bottle", amountMl: 90, milk: "formula" },
      });
      expect(res.status).toBe(201);
    }
    const last = await o.post("/api/v1/activities", {
      childId: child.id,
      type: "feeding",
      startedAt: minutesAgo(5),
      details: { method: "bottle", amountMl: 100, milk: "formula" },
    });
    const lastSeq: number = last.body.activity.seq;

    // The refresh after the last write caches predictions stamped with a seq at least that new.
    const key = `predictions:${owner.familyId}:${child.id}`;
    const cached = await eventually(async () => {
      const raw = await redis.get(key);
      const value = raw ? (JSON.parse(raw) as Cached) : null;
      return value && value.seq >= lastSeq ? value : null;
    }, "predictions in Redis");
    expect(cached.childId).toBe(child.id);
    expect(cached.nextFeed).not.toBeNull();
    expect(Date.parse(cached.nextFeed!.low)).toBeLessThanOrEqual(Date.parse(cached.nextFeed!.at));
    expect(Date.parse(cached.nextFeed!.at)).toBeLessThanOrEqual(Date.parse(cached.nextFeed!.high));
    expect(await redis.ttl(key)).toBeGreaterThan(0);

    const docs = await eventually(async () => {
      const rows = await query<{ type: string; key: string; data: Record<string, unknown> }>(
        `SELECT type, key, data FROM "Document" WHERE collection = 'analytics' AND "familyId" = $1 AND "childId" = $2`,
        [owner.familyId, child.id],
      );
      return rows.some((r) => r.type === "insight") && rows.some((r) => r.type === "snapshot" && Number(r.data.seq) >= lastSeq)
        ? rows
        : null;
    }, "snapshot and insight in the document store");
    const snapshot = docs.find((d) => d.type === "snapshot")!;
    expect(snapshot.key).toBe(`snapshot:${child.id}`);
    expect((snapshot.data.days as unknown[]).length).toBe(7);
    const insight = docs.find((d) => d.type === "insight" && d.data.code === "daily_summary")!;
    expect((insight.data.message as { values: { feeds: number } }).values.feeds).toBeGreaterThan(0);

    // Announced once, with the family's next seq, so realtime catch-up has it.
    const announced = await eventually(async () => {
      const found = (await familyEvents(owner.familyId)).filter((e) => e.type === "insight.created");
      return found.length > 0 && found;
    }, "insight.created event");
    expect(announced.length).toBe(docs.filter((d) => d.type === "insight").length);
    expect(announced[0].seq).toBeGreaterThan(lastSeq);
    expect(announced[0].actorId).toBeNull();

    // The API reads the same.
    const insights = await o.get(`/api/v1/children/${child.id}/insights`);
    expect(insights.status).toBe(200);
    expect(insights.body.items.map((i: { code: string }) => i.code)).toContain("daily_summary");
    const predictions = await o.get(`/api/v1/children/${child.id}/predictions`);
    expect(predictions.status).toBe(200);
    expect(predictions.body.predictions.computedAt).toBe(cached.computedAt);
  });

  it("a fever under 3 months raises one urgent alert, pushed live with a seq and listed by the API", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const sub = await subscribeFamily(owner.familyId);
    try {
      const o = api(owner.token);
      const res = await o.post("/api/v1/activities", {
        childId: child.id,
        type: "temperature",
        startedAt: minutesAgo(10),
        details: { celsius: 38.6, method: "rectal" },
      });
      expect(res.status).toBe(201);
      const events = await sub.waitFor(2, 20_000);
      const raised = events.find((e) => e.type === "alert.raised")!;
      expect(raised).toBeDefined();
      expect(raised.seq).toBe(res.body.activity.seq + 1);
      expect(raised.data.alert).toMatchObject({ childId: child.id, code: "fever_under_3_months", severity: "urgent" });

      // Another write refreshes again; the same alert is not raised twice.
      await o.post("/api/v1/activities", {
        childId: child.id,
        type: "diaper",
        startedAt: minutesAgo(5),
        details: { wet: true, dirty: false },
      });
      await eventually(async () => {
        const raw = await redis.get(`predictions:${owner.familyId}:${child.id}`);
        return raw && (JSON.parse(raw) as Cached).seq >= res.body.activity.seq + 2;
      }, "the second refresh");
      expect((await familyEvents(owner.familyId)).filter((e) => e.type === "alert.raised")).toHaveLength(1);

      const alerts = await o.get(`/api/v1/children/${child.id}/alerts`);
      expect(alerts.status).toBe(200);
      expect(alerts.body.items).toHaveLength(1);
      expect(alerts.body.items[0]).toMatchObject({ id: raised.data.alert.id, code: "fever_under_3_months", severity: "urgent" });
      expect(alerts.body.items[0].source).toMatch(/\S/);
    } finally {
      await sub.close();
    }
  });

  it("a new entry invalidates the cached predictions at once; reads then compute them", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const o = api(owner.token);
    await o.post("/api/v1/activities", {
      childId: child.id,
      type: "feeding",
      startedAt: minutesAgo(200),
      details: { method: "bottle", amountMl: 90, milk: "formula" },
    });
    const key = `predictions:${owner.familyId}:${child.id}`;
    await eventually(() => redis.get(key), "first predictions");
    await redis.set(key, JSON.stringify({ marker: "stale" }));
    const res = await o.post("/api/v1/activities", {
      childId: child.id,
      type: "feeding",
      startedAt: minutesAgo(20),
      details: { method: "bottle", amountMl: 90, milk: "formula" },
    });
    expect(res.status).toBe(201);
    expect((await redis.get(key)) ?? "").not.toContain("stale");
    const read = await o.get(`/api/v1/children/${child.id}/predictions`);
    expect(read.status).toBe(200);
    expect(read.body.predictions.seq).toBeGreaterThanOrEqual(res.body.activity.seq);
  });
});

describe("worker: family deletion", () => {
  it("purges the family's documents from the document store", async () => {
    const owner = await registerAccount();
    const child = await createChild(owner);
    const o = api(owner.token);
    await o.post("/api/v1/activities", { childId: child.id, type: "temperature", startedAt: minutesAgo(10), details: { celsius: 38.2 } });
    const count = async () =>
      Number((await query<{ n: string }>(`SELECT count(*) AS n FROM "Document" WHERE "familyId" = $1`, [owner.familyId]))[0].n);
    await eventually(async () => (await count()) >= 2, "the snapshot and the alert");
    expect((await o.delete(`/api/v1/families/${owner.familyId}`)).status).toBe(204);
    await eventually(async () => (await count()) === 0, "the purge");
  });
});

describe("worker: nightly insights", () => {
  it("is scheduled, and fans out one refresh per child with recent entries", async () => {
    const queue = getQueue("analytics");
    const scheduler = await queue.getJobScheduler("nightly-insights");
    expect(scheduler?.pattern).toBe(process.env.NIGHTLY_INSIGHTS_CRON ?? "15 3 * * *");

    const owner = await registerAccount();
    const child = await createChild(owner);
    const res = await api(owner.token).post("/api/v1/activities", {
      childId: child.id,
      type: "feeding",
      startedAt: minutesAgo(90),
      details: { method: "bottle", amountMl: 90, milk: "formula" },
    });
    expect(res.status).toBe(201);
    const id = await enqueue("nightly-insights", { activeWithinDays: 1 });
    const nightly = await eventually(
      async () => ((await queue.getJobState(id!)) === "completed" ? queue.getJob(id!) : null),
      "the nightly job",
    );
    expect(nightly!.returnvalue.children).toBeGreaterThanOrEqual(1);
    const refreshId = `nightly-${new Date(nightly!.processedOn!).toISOString().slice(0, 10)}-${child.id}`;
    const refresh = await eventually(
      async () => ((await queue.getJobState(refreshId)) === "completed" ? queue.getJob(refreshId) : null),
      "the child's refresh",
    );
    expect(refresh!.data).toEqual({ familyId: owner.familyId, childId: child.id });
    expect(refresh!.returnvalue.status).toBe("refreshed");
  });
});

describe("worker: retries and the failed set", () => {
  const prefix = `nestling-test-retry:${randomUUID()}`;
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup.reverse()) await fn();
  });

  function failingWorker(attemptTimes: number[]) {
    const failing: Processors = {
      ...processors,
      "refresh-child": async () => {
        attemptTimes.push(Date.now());
        throw new Error("database went away");
      },
    };
    const running = startWorkers({ processors: failing, concurrency: 1, prefix });
    cleanup.push(() => running.close());
    return running;
  }

  async function finalState(job: Job | undefined) {
    const queue = getQueue("analytics", prefix);
    return eventually(async () => {
      // The state first, then the job: read the other way round, its fields may predate the failure.
      if ((await queue.getJobState(job!.id!)) !== "failed") return null;
      return queue.getJob(job!.id!);
    }, "the job to fail for good");
  }

  it("jobs carry the default retry policy: attempts with exponential backoff, failures kept", async () => {
    const id = await enqueue("refresh-child", { familyId: randomUUID(), childId: randomUUID() }, { delay: 60_000 }, prefix);
    const job = await getQueue("analytics", prefix).getJob(id!);
    expect(job!.opts.attempts).toBe(defaultJobOptions.attempts);
    expect(job!.opts.backoff).toEqual({ type: "exponential", delay: 1000 });
    expect(job!.opts.removeOnFail).toEqual(defaultJobOptions.removeOnFail);
    await job!.remove();
  });

  it("a failing job is retried with growing delays, then lands in the failed set", async () => {
    const attempts: number[] = [];
    failingWorker(attempts);
    const id = await enqueue(
      "refresh-child",
      { familyId: randomUUID(), childId: randomUUID() },
      { attempts: 3, backoff: { type: "exponential", delay: 300 } },
      prefix,
    );
    const failed = await finalState(await getQueue("analytics", prefix).getJob(id!));
    expect(failed.attemptsMade).toBe(3);
    expect(failed.failedReason).toBe("database went away");
    expect(attempts.length).toBe(3);
    // Exponential: at least 300 ms before the second attempt, at least 600 ms before the third.
    expect(attempts[1] - attempts[0]).toBeGreaterThanOrEqual(300);
    expect(attempts[2] - attempts[1]).toBeGreaterThanOrEqual(600);
    const failedSet = await getQueue("analytics", prefix).getFailed();
    expect(failedSet.map((j) => j.id)).toContain(id);
  });

  it("an invalid payload is refused when enqueued, and fails at once (no retries) if it reaches the worker anyway", async () => {
    await expect(enqueue("refresh-child", { familyId: "nope", childId: randomUUID() }, {}, prefix)).rejects.toThrow();
    failingWorker([]);
    // Bypassing enqueue(): a raw producer with no validation.
    const raw = new Queue("analytics", { connection: createQueueConnection("producer"), prefix });
    cleanup.push(() => raw.close());
    const job = await raw.add("refresh-child", { childId: 42 }, defaultJobOptions);
    const failed = await finalState(job);
    expect(failed.attemptsStarted).toBe(1);
    expect(failed.failedReason).toMatch(/invalid refresh-child payload/);
  });
});
