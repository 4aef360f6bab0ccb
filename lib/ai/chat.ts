import { randomUUID } from "node:crypto";
import { createUIMessageStream, stepCountIs, streamText, type ModelMessage, type UIMessageChunk, type UIMessageStreamWriter } from "ai";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/config/env";
import type { Locale } from "@/lib/i18n/config";
import { appendChatMessages, type StoredMessage } from "@/lib/chats/service";
import { DAY_MS } from "@/lib/analytics/types";
import { answerQuestion, intentName } from "./answerer/answer";
import { detectIntent } from "./answerer/intents";
import { aiTranslator } from "./answerer/format";
import { recordAiAccess, recordAiUsage, type AiAccess } from "./audit";
import type { ChildData } from "./child-data";
import type { ChatInput } from "./chat-input";
import { cachedChildContext, familySeq } from "./context";
import {
  answerCacheKey,
  fallbackModel,
  readCachedAnswer,
  recordUsage,
  writeCachedAnswer,
  type FallbackState,
  type ProviderModel,
} from "./gateway";
import { buildSystemPrompt } from "./system-prompt";
import { createChatTools, draftActivity } from "./tools";
import { parseQuickPhrase } from "./quick-phrases";
import { triageQuestion, type TriageResult } from "./triage";
import type { CitedEntry, DraftData, NestlingUIMessage } from "./ui-message";

type Writer = UIMessageStreamWriter<NestlingUIMessage>;

/** Writes a finished text as one text part, a sentence per delta (the answerer has no tokens to stream). */
function writeText(writer: Writer, text: string) {
  const id = randomUUID();
  writer.write({ type: "text-start", id });
  for (const piece of text.match(/[^.!?。؟]+[.!?。؟]*\s*/gu) ?? [text]) writer.write({ type: "text-delta", id, delta: piece });
  writer.write({ type: "text-end", id });
}

function writeTriage(writer: Writer, triage: TriageResult, locale: Locale) {
  const t = aiTranslator(locale);
  writer.write({ type: "data-triage", data: { level: "urgent", flags: triage.flags, sources: triage.sources } });
  const flags = triage.flags.map((f) => t(`triage.flags.${f}`)).join(" ");
  writeText(writer, `⚠️ ${t("triage.heading")}. ${t("triage.urgent", { flags })}`);
}

/** Entry ids a model's tool results name (entries, cited ids, growth measurements). */
function citedFromToolOutputs(outputs: unknown[]): CitedEntry[] {
  const seen = new Map<string, CitedEntry>();
  for (const out of outputs) {
    const o = out as { entries?: CitedEntry[]; measurements?: { id: string; measuredAt: string }[]; entryIds?: string[] } | null;
    for (const e of o?.entries ?? [])
      seen.set(e.id, { id: e.id, type: e.type, startedAt: e.startedAt, endedAt: e.endedAt, details: e.details });
    for (const m of o?.measurements ?? [])
      seen.set(m.id, { id: m.id, type: "growth", startedAt: m.measuredAt, endedAt: null, details: {} });
    for (const id of o?.entryIds ?? []) if (!seen.has(id)) seen.set(id, { id, type: "entry", startedAt: "", endedAt: null, details: {} });
  }
  return [...seen.values()].slice(0, 200);
}

export type ChatDeps = {
  /** The model chain (none → the built-in answerer). */
  providers: ProviderModel[];
  /** Where the chat, the audit and usage go, the answer cache and the data version; real ones by default, fakes in unit tests. */
  store?: {
    appendMessages: typeof appendChatMessages;
    recordAccess: typeof recordAiAccess;
    recordUsage: (args: { familyId: string; childId: string; entry: AiAccess }) => Promise<void>;
  };
  cache?: { read: (key: string) => Promise<UIMessageChunk[] | null>; write: (key: string, chunks: UIMessageChunk[]) => Promise<void> };
  seqOf?: (familyId: string) => Promise<number>;
  contextOf?: (data: ChildData, seq: number) => Promise<unknown>;
};

const defaultStore: NonNullable<ChatDeps["store"]> = {
  appendMessages: appendChatMessages,
  recordAccess: recordAiAccess,
  recordUsage: async ({ familyId, childId, entry }) => {
    await recordUsage({ familyId, provider: entry.provider ?? "unknown", usage: entry.usage ?? {} });
    await recordAiUsage({ familyId, childId, entry });
  },
};
const defaultCache: NonNullable<ChatDeps["cache"]> = { read: readCachedAnswer, write: (key, chunks) => writeCachedAnswer(key, chunks) };
const defaultContext = async (data: ChildData, seq: number) => (await cachedChildContext(data, seq)).context;

/**
 * One chat turn as a UI message stream: the user's message saved first, triage first in the
 * answer, then the built-in answerer (no provider) or the model with tools and a step limit
 * (cached per data version), the answer saved when the stream finishes, and every turn audited.
 */
export async function runChatTurn({
  actor,
  data,
  input,
  locale,
  deps,
}: {
  actor: Actor;
  data: ChildData;
  input: ChatInput;
  locale: Locale;
  deps: ChatDeps;
}): Promise<ReadableStream<UIMessageChunk>> {
  const { request, question } = input;
  const { child, now } = data;
  const userMessage = request.messages[request.messages.length - 1] as StoredMessage;
  const base = { actor, familyId: child.familyId, childId: child.id, chatId: request.id };
  const store = deps.store ?? defaultStore;
  await store.appendMessages({
    ...base,
    messages: [{ ...userMessage, metadata: { createdAt: now.toISOString() } }],
    title: question.slice(0, 80),
  });

  const temperatures = await data.activities({
    type: "temperature",
    from: new Date(now.getTime() - DAY_MS),
    to: new Date(now.getTime() + 60_000),
  });
  const triage = triageQuestion({
    question,
    birthDate: child.birthDate,
    now,
    recentTemperaturesC: temperatures.map((t) => Number(t.details.celsius)).filter(Number.isFinite),
  });
  const messageId = randomUUID();
  const providers = deps.providers;
  const audit: AiAccess = {
    userId: actor.userId,
    via: actor.via,
    chatId: request.id,
    messageId,
    source: providers.length ? "model" : "answerer",
    flags: triage.flags,
  };

  return createUIMessageStream<NestlingUIMessage>({
    originalMessages: request.messages as NestlingUIMessage[],
    generateId: () => messageId,
    onError: () => aiTranslator(locale)("answer.modelUnavailable"),
    execute: async ({ writer }) => {
      if (!providers.length) {
        const intent = detectIntent(question);
        const quick = intent.kind === "help" ? parseQuickPhrase(question, { now, timeZone: child.timezone }) : null;
        const drafted = quick ? draftActivity(data, quick) : null;
        audit.intent = drafted?.draft ? "draft" : intentName(intent);
        await store.recordAccess({ familyId: child.familyId, childId: child.id, entry: audit });
        if (drafted?.draft) {
          writer.write({
            type: "start",
            messageId,
            messageMetadata: { source: "answerer", intent: "draft", createdAt: now.toISOString() },
          });
          if (triage.urgent) writeTriage(writer, triage, locale);
          writer.write({ type: "data-draft", data: { entry: drafted.draft as DraftData["entry"] } });
          writeText(writer, aiTranslator(locale)("answer.draft"));
          writer.write({ type: "finish" });
          return;
        }
        const answer = await answerQuestion({ question, data, locale });
        writer.write({
          type: "start",
          messageId,
          messageMetadata: { source: "answerer", intent: answer.intent, createdAt: now.toISOString() },
        });
        if (triage.urgent) writeTriage(writer, triage, locale);
        writeText(writer, answer.text);
        if (answer.citations.length) writer.write({ type: "data-citations", data: { entries: answer.citations } });
        writer.write({ type: "finish" });
        return;
      }
      await streamFromModel({ writer, data, input, locale, triage, providers, audit, messageId, deps: { ...deps, store } });
    },
    onFinish: async ({ responseMessage }) => {
      await store
        .appendMessages({ ...base, messages: [responseMessage as StoredMessage] })
        .catch((error) => console.error("[ai] could not save the answer", error));
    },
  });
}

async function streamFromModel({
  writer,
  data,
  input,
  locale,
  triage,
  providers,
  audit,
  messageId,
  deps,
}: {
  deps: ChatDeps & { store: NonNullable<ChatDeps["store"]> };
  writer: Writer;
  data: ChildData;
  input: ChatInput;
  locale: Locale;
  triage: TriageResult;
  providers: ProviderModel[];
  audit: AiAccess;
  messageId: string;
}) {
  const { child, now } = data;
  const e = env();
  const { store } = deps;
  const cache = deps.cache ?? defaultCache;
  const seq = await (deps.seqOf ?? familySeq)(child.familyId);
  const cacheKey = answerCacheKey({
    providers: providers.map((p) => `${p.name}:${p.model.modelId}`).join(","),
    childId: child.id,
    seq,
    locale,
    conversation: JSON.stringify(input.history),
  });
  const cached = await cache.read(cacheKey);
  if (cached) {
    audit.source = "cache";
    await store.recordAccess({ familyId: child.familyId, childId: child.id, entry: audit });
    writer.write({ type: "start", messageId, messageMetadata: { source: "cache", createdAt: now.toISOString() } });
    if (triage.urgent) writeTriage(writer, triage, locale);
    for (const chunk of cached) writer.write(chunk as never);
    writer.write({ type: "finish" });
    return;
  }
  await store.recordAccess({ familyId: child.familyId, childId: child.id, entry: audit });
  writer.write({ type: "start", messageId, messageMetadata: { source: "model", createdAt: now.toISOString() } });
  if (triage.urgent) writeTriage(writer, triage, locale);

  const state: FallbackState = { used: null, failures: [] };
  const context = await (deps.contextOf ?? defaultContext)(data, seq);
  const messages: ModelMessage[] = input.history.map((m) => ({ role: m.role, content: m.text }));
  const recorded: UIMessageChunk[] = [];
  let failed = false;
  try {
    const result = streamText({
      model: fallbackModel(providers, { timeoutMs: e.AI_TIMEOUT_MS, state }),
      system: buildSystemPrompt({ locale, context: JSON.stringify(context), triage }),
      messages,
      tools: createChatTools(data),
      stopWhen: stepCountIs(e.AI_MAX_STEPS),
      maxRetries: e.AI_MAX_RETRIES,
      onError: () => {
        failed = true;
      },
    });
    for await (const chunk of result.toUIMessageStream({ sendStart: false, sendFinish: false, onError: () => "error" })) {
      if (chunk.type === "error") {
        failed = true;
        continue;
      }
      recorded.push(chunk);
      writer.write(chunk as never);
    }
    if (failed) throw new Error("model stream failed");
    const steps = await result.steps;
    const citations = citedFromToolOutputs(steps.flatMap((s) => s.toolResults.map((r) => r.output)));
    if (citations.length) {
      const chunk: UIMessageChunk = { type: "data-citations", data: { entries: citations } };
      recorded.push(chunk);
      writer.write(chunk as never);
    }
    const usage = await result.totalUsage;
    audit.provider = state.used;
    audit.usage = { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens };
    await store.recordUsage({ familyId: child.familyId, childId: child.id, entry: audit });
    await cache.write(cacheKey, recorded);
  } catch (error) {
    // Every provider failed (or the stream broke): say so and answer what the log can answer.
    console.error("[ai] model answer failed", error instanceof Error ? error.message : error);
    const t = aiTranslator(locale);
    const answer = await answerQuestion({ question: input.question, data, locale });
    writeText(writer, `${t("answer.modelUnavailable")} ${answer.text}`);
    if (answer.citations.length) writer.write({ type: "data-citations", data: { entries: answer.citations } });
  }
  writer.write({ type: "finish" });
}
