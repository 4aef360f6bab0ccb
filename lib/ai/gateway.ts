import { createHash } from "node:crypto";
import { createOpenAI } from "@ai-sdk/openai";
import { createAnthropic } from "@ai-sdk/anthropic";
import type { LanguageModelV3, LanguageModelV3CallOptions } from "@ai-sdk/provider";
import type { UIMessageChunk } from "ai";
import { env, type Env } from "@/lib/config/env";
import { redis } from "@/lib/redis/client";

/**
 * The LLM gateway: the providers configured by AI_PROVIDERS (in order), one model that falls
 * back to the next provider when a call fails or times out, a Redis cache of finished answers
 * keyed by the question and the family's data version (seq), and token usage per family.
 */
export type ProviderModel = { name: string; model: LanguageModelV3 };

export function providersFromEnv(e: Env = env()): ProviderModel[] {
  const out: ProviderModel[] = [];
  for (const name of e.AI_PROVIDERS.split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)) {
    if (name === "openai" && e.OPENAI_API_KEY)
      out.push({
        name,
        model: createOpenAI({ apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL }).chat(e.OPENAI_MODEL) as LanguageModelV3,
      });
    else if (name === "anthropic" && e.ANTHROPIC_API_KEY)
      out.push({ name, model: createAnthropic({ apiKey: e.ANTHROPIC_API_KEY })(e.ANTHROPIC_MODEL) as LanguageModelV3 });
    else if (name === "compatible" && e.AI_COMPATIBLE_BASE_URL)
      out.push({
        name,
        model: createOpenAI({ baseURL: e.AI_COMPATIBLE_BASE_URL, apiKey: e.AI_COMPATIBLE_API_KEY ?? "none", name: "compatible" }).chat(
          e.AI_COMPATIBLE_MODEL,
        ) as LanguageModelV3,
      });
  }
  return out;
}

/** Which provider answered the last call of a fallback model (for usage records and metadata). */
export type FallbackState = { used: string | null; failures: { provider: string; error: string }[] };

function withTimeout(options: LanguageModelV3CallOptions, timeoutMs: number): LanguageModelV3CallOptions {
  const timeout = AbortSignal.timeout(timeoutMs);
  return { ...options, abortSignal: options.abortSignal ? AbortSignal.any([options.abortSignal, timeout]) : timeout };
}

/**
 * One model over the providers in order: a provider that throws (HTTP error, refused connection,
 * timeout before the stream starts) is skipped for the next one. The caller's abort is never
 * retried elsewhere.
 */
export function fallbackModel(
  providers: ProviderModel[],
  { timeoutMs, state }: { timeoutMs: number; state?: FallbackState },
): LanguageModelV3 {
  if (providers.length === 0) throw new Error("no AI provider configured");
  const s = state ?? { used: null, failures: [] };
  async function attempt<R>(
    run: (m: LanguageModelV3, o: LanguageModelV3CallOptions) => PromiseLike<R>,
    options: LanguageModelV3CallOptions,
  ) {
    let last: unknown;
    for (const p of providers) {
      try {
        const result = await run(p.model, withTimeout(options, timeoutMs));
        s.used = p.name;
        return result;
      } catch (error) {
        if (options.abortSignal?.aborted) throw error;
        last = error;
        s.failures.push({ provider: p.name, error: error instanceof Error ? error.name : "error" });
        console.warn(`[ai] provider ${p.name} failed, trying the next one`, error instanceof Error ? error.message : error);
      }
    }
    throw last;
  }
  return {
    specificationVersion: "v3",
    provider: "nestling-gateway",
    modelId: providers.map((p) => `${p.name}:${p.model.modelId}`).join(","),
    supportedUrls: {},
    doGenerate: (options) => attempt((m, o) => m.doGenerate(o), options),
    doStream: (options) => attempt((m, o) => m.doStream(o), options),
  };
}

/** The cache key of an answer: the provider chain, the child, its family's seq, the language and the conversation. */
export function answerCacheKey(parts: {
  providers: string;
  childId: string;
  seq: number | string;
  locale: string;
  conversation: string;
}): string {
  const hash = createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 40);
  return `ai:answer:${parts.childId}:${hash}`;
}

export async function readCachedAnswer(key: string): Promise<UIMessageChunk[] | null> {
  try {
    const raw = await redis.get(key);
    return raw ? (JSON.parse(raw) as UIMessageChunk[]) : null;
  } catch {
    return null;
  }
}

export async function writeCachedAnswer(key: string, chunks: UIMessageChunk[], ttlSeconds = env().AI_CACHE_TTL_SECONDS): Promise<void> {
  try {
    await redis.set(key, JSON.stringify(chunks), "EX", ttlSeconds);
  } catch (error) {
    console.warn("[ai] could not cache an answer", error);
  }
}

export type Usage = { inputTokens?: number; outputTokens?: number; totalTokens?: number };

/** Adds a request's tokens to the family's daily counters (ai:usage:<family>:<YYYY-MM-DD>). */
export async function recordUsage({
  familyId,
  provider,
  usage,
  at = new Date(),
}: {
  familyId: string;
  provider: string;
  usage: Usage;
  at?: Date;
}) {
  const key = `ai:usage:${familyId}:${at.toISOString().slice(0, 10)}`;
  try {
    await redis
      .multi()
      .hincrby(key, "requests", 1)
      .hincrby(key, "inputTokens", usage.inputTokens ?? 0)
      .hincrby(key, "outputTokens", usage.outputTokens ?? 0)
      .hincrby(key, `requests:${provider}`, 1)
      .expire(key, 400 * 86_400)
      .exec();
  } catch (error) {
    console.warn("[ai] could not record usage", error);
  }
}

export async function readUsage(familyId: string, date: string): Promise<Record<string, number>> {
  const raw = await redis.hgetall(`ai:usage:${familyId}:${date}`);
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)]));
}
