import type { UIMessage } from "ai";

/**
 * The chat's message contract (server ↔ useChat). Besides text and the model's tool parts, the
 * stream carries data parts the UI renders as cards:
 * - `data-triage`: red flags found before anything else ran (shown first, urgent styling);
 * - `data-citations`: the entries an answer used (link each to its entry);
 * - `data-draft`: an entry drafted from the question ("bottle 120 ml at 3 pm") for the user to
 *   confirm; nothing is written until the user saves it through POST /api/v1/activities.
 */
export type CitedEntry = {
  id: string;
  type: string;
  startedAt: string;
  endedAt: string | null;
  /** A short, language-neutral description of the numbers (e.g. {"amountMl":120}). */
  details: Record<string, unknown>;
};

export type TriageData = { level: "urgent"; flags: string[]; sources: string[] };
export type CitationsData = { entries: CitedEntry[] };
export type DraftData = {
  entry: { childId: string; type: string; startedAt: string; endedAt?: string | null; details: Record<string, unknown> };
};

export type ChatMetadata = {
  /** Who answered: the triage rules, the built-in answerer, a model (and which), or the cache. */
  source?: "triage" | "answerer" | "model" | "cache";
  provider?: string;
  intent?: string;
  createdAt?: string;
};

export type ChatDataTypes = { triage: TriageData; citations: CitationsData; draft: DraftData };

export type NestlingUIMessage = UIMessage<ChatMetadata, ChatDataTypes>;

/** The plain text of a message's text parts. */
export function textOf(message: { parts: readonly { type: string; text?: string }[] }): string {
  return message.parts
    .filter((p) => p.type === "text" && typeof p.text === "string")
    .map((p) => p.text)
    .join("\n")
    .trim();
}

/** A cited entry from an activity (details kept as stored: SI units, no free text). */
export function citeEntry(e: {
  id: string;
  type: string;
  startedAt: string;
  endedAt?: string | null;
  details: Record<string, unknown>;
}): CitedEntry {
  const { text: _text, ...details } = e.details as Record<string, unknown> & { text?: unknown };
  return { id: e.id, type: e.type, startedAt: e.startedAt, endedAt: e.endedAt ?? null, details };
}
