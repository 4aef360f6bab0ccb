/**
 * `npm run bench:ai` — the assistant's latency on a child with a year of entries (~10,000, the
 * analytics bench's seed) in a fresh PostgreSQL database:
 * 1. built-in answers: a whole chat turn (user message saved, triage, audit, answer from the
 *    database, the stream drained, the answer saved) for common questions; goal p95 ≤ 150 ms;
 * 2. time to first token through a local OpenAI-compatible stub server (bench/ai/stub-server.ts,
 *    no model behind it): a cache miss (context from Redis, tools, system prompt, the provider
 *    call), a cache hit (same question, same data version), and the context build alone — next
 *    to the bare baseline of the stub's own first token over plain fetch. The difference is our
 *    overhead.
 * Prints the machine and writes bench/results/ai-<date>.json. Never fails on the numbers.
 *
 * Env: BENCH_RUNS (20 per question / scenario), BENCH_WARMUP (3), BENCH_ADMIN_DATABASE_URL, REDIS_URL.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import pg from "pg";
import type { UIMessageChunk } from "ai";
import { machineInfo } from "../lib/machine";
import { round, summarize, type Summary } from "../lib/stats";
import { seedYear } from "../analytics/seed";
import { startStubServer } from "./stub-server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const GOAL_MS = 150;
const QUESTIONS = [
  "How much did she drink today?",
  "When was the last feed?",
  "How long did she sleep this week?",
  "How many diapers today?",
  "When will she probably nap?",
  "What are her latest growth percentiles?",
];

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

const fmt = (s: Summary) =>
  `p50 ${round(s.p50, 1)} ms  p95 ${round(s.p95, 1)} ms  p99 ${round(s.p99, 1)} ms  max ${round(s.max, 1)} ms  (n=${s.count})`;
const rounded = (s: Summary) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, round(v, 2)])) as Summary;

/** Reads a stream to its end; returns when the first text delta came and when it ended (ms from `start`). */
async function drain(stream: ReadableStream<UIMessageChunk>, start: number) {
  let first = NaN;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (value.type === "text-delta" && Number.isNaN(first)) first = performance.now() - start;
  }
  return { firstMs: first, totalMs: performance.now() - start };
}

/** The stub's own first token over plain fetch: the floor any client pays. */
async function bareFirstToken(url: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(`${url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "stub", stream: true, messages: [{ role: "user", content: "How much did she drink today?" }] }),
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let first = NaN;
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    if (Number.isNaN(first) && buffer.includes('"content":"Today"')) first = performance.now() - start;
  }
  return first;
}

async function main() {
  const dbName = `nestling_bench_ai_${Date.now()}_${randomBytes(2).toString("hex")}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  const client = new pg.Client({ connectionString: databaseUrl });
  const stub = await startStubServer({ tokens: 20 });
  try {
    execFileSync("npx", ["prisma", "migrate", "deploy"], {
      cwd: ROOT,
      stdio: "ignore",
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false",
        PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false",
      },
    });
    await client.connect();
    const now = new Date();
    const seeded = await seedYear(client, now);
    console.log(`seeded ${seeded.entries} entries over 365 days`);

    process.env.DATABASE_URL = databaseUrl;
    process.env.REDIS_URL = REDIS_URL;
    delete process.env.MONGODB_URL;
    const { createOpenAI } = await import("@ai-sdk/openai");
    const { systemActor } = await import("@/lib/auth/actor");
    const { createChildData } = await import("@/lib/ai/child-data");
    const { parseChatInput } = await import("@/lib/ai/chat-input");
    const { runChatTurn } = await import("@/lib/ai/chat");
    const { buildChildContext } = await import("@/lib/ai/context");
    const { db } = await import("@/lib/db/client");
    const { redis } = await import("@/lib/redis/client");
    const { closeDocumentStore } = await import("@/lib/docs/store");
    const actor = systemActor(seeded.userId);
    const body = (text: string) => ({
      id: `bench-${randomUUID().slice(0, 8)}`,
      childId: seeded.childId,
      messages: [{ id: randomUUID(), role: "user", parts: [{ type: "text", text }] }],
    });
    const turn = async (text: string, providers: { name: string; model: never }[]) => {
      const start = performance.now();
      const data = await createChildData({ actor, childId: seeded.childId });
      const stream = await runChatTurn({ actor, data, input: parseChatInput(body(text)), locale: "en", deps: { providers } });
      return drain(stream, start);
    };

    // 1. Built-in answers.
    for (let i = 0; i < WARMUP; i++) for (const q of QUESTIONS) await turn(q, []);
    const perQuestion: Record<string, number[]> = {};
    const all: number[] = [];
    for (let i = 0; i < RUNS; i++)
      for (const q of QUESTIONS) {
        const { totalMs } = await turn(q, []);
        (perQuestion[q] ??= []).push(totalMs);
        all.push(totalMs);
      }

    // 2. Time to first token through the stub server.
    const stubModel = createOpenAI({ baseURL: stub.url, apiKey: "stub", name: "compatible" }).chat("stub");
    const providers = [{ name: "compatible", model: stubModel as never }];
    for (let i = 0; i < WARMUP; i++) await bareFirstToken(stub.url);
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) bare.push(await bareFirstToken(stub.url));
    for (let i = 0; i < WARMUP; i++) await turn(`warm-up question ${i} ${randomUUID()}`, providers);
    const miss: number[] = [];
    const missTotal: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await turn(`tell me about her day, variant ${randomUUID()}`, providers);
      miss.push(r.firstMs);
      missTotal.push(r.totalMs);
    }
    const fixed = "tell me about her day";
    await turn(fixed, providers);
    const stubCallsBefore = stub.requests();
    const hit: number[] = [];
    for (let i = 0; i < RUNS; i++) hit.push((await turn(fixed, providers)).firstMs);
    const hitCalls = stub.requests() - stubCallsBefore;
    const data = await createChildData({ actor, childId: seeded.childId });
    const contextBuild: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await buildChildContext(data);
      contextBuild.push(performance.now() - t);
    }

    const [postgres, redisVersion] = [
      (await client.query("SHOW server_version")).rows[0].server_version as string,
      ((await redis.info("server")).match(/redis_version:(\S+)/)?.[1] ?? "unknown") as string,
    ];
    const machine = machineInfo({ postgres, redis: redisVersion });
    const result = {
      date: new Date().toISOString(),
      machine,
      entries: seeded.entries,
      runs: RUNS,
      builtIn: {
        all: rounded(summarize(all)),
        perQuestion: Object.fromEntries(Object.entries(perQuestion).map(([q, v]) => [q, rounded(summarize(v))])),
        goalP95Ms: GOAL_MS,
      },
      firstToken: {
        bareStub: rounded(summarize(bare)),
        cacheMiss: rounded(summarize(miss)),
        cacheMissWholeAnswer: rounded(summarize(missTotal)),
        cacheHit: rounded(summarize(hit)),
        cacheHitProviderCalls: hitCalls,
        contextBuild: rounded(summarize(contextBuild)),
      },
    };
    console.log(
      `\nmachine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGiB} GiB, ${machine.os}, node ${machine.node}, PostgreSQL ${postgres}, Redis ${redisVersion}, load ${machine.loadAverageAtStart.join(" ")}`,
    );
    console.log(`\nbuilt-in answer, whole chat turn (goal p95 ≤ ${GOAL_MS} ms):\n  all questions   ${fmt(result.builtIn.all)}`);
    for (const [q, s] of Object.entries(result.builtIn.perQuestion)) console.log(`  ${q.padEnd(42)} ${fmt(s)}`);
    console.log(`\ntime to first token through the stub server:`);
    console.log(`  bare stub (plain fetch)       ${fmt(result.firstToken.bareStub)}`);
    console.log(`  our route, cache miss         ${fmt(result.firstToken.cacheMiss)}`);
    console.log(`  our route, cache hit          ${fmt(result.firstToken.cacheHit)}  (provider calls: ${hitCalls})`);
    console.log(`  context build alone (no cache) ${fmt(result.firstToken.contextBuild)}`);
    console.log(`  whole answer, cache miss      ${fmt(result.firstToken.cacheMissWholeAnswer)}`);
    mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
    const file = path.join(ROOT, `bench/results/ai-${stamp}.json`);
    writeFileSync(file, JSON.stringify(result, null, 2) + "\n");
    console.log(`\nwrote ${path.relative(ROOT, file)}`);
    await closeDocumentStore();
    await db.$disconnect();
    redis.disconnect();
  } finally {
    stub.server.close();
    await client.end().catch(() => {});
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch(() => {});
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
