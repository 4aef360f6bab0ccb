import type { Actor } from "@/lib/auth/actor";
import { documentStore } from "@/lib/docs/store";

export type AiAccess = {
  userId: string;
  via: Actor["via"];
  chatId: string;
  messageId: string;
  /** Who answered: the built-in answerer, a model, or the cache (triage runs on every question). */
  source: "answerer" | "model" | "cache";
  intent?: string;
  flags: string[];
  provider?: string | null;
  usage?: { inputTokens?: number; outputTokens?: number };
};

/**
 * The audit trail of the assistant: one `logs` document per AI access to a child's data
 * (type "ai_access"), written before the data is read. Never throws: a failed audit write is
 * logged, and the parent still gets an answer.
 */
export async function recordAiAccess({ familyId, childId, entry }: { familyId: string; childId: string; entry: AiAccess }): Promise<void> {
  try {
    await (await documentStore()).insert("logs", { familyId, childId, type: "ai_access", data: entry });
  } catch (error) {
    console.error("[ai] could not record an AI access", error);
  }
}

/** Token usage of one model answer, beside the access record (type "ai_usage"). */
export async function recordAiUsage({ familyId, childId, entry }: { familyId: string; childId: string; entry: AiAccess }): Promise<void> {
  try {
    await (await documentStore()).insert("logs", { familyId, childId, type: "ai_usage", data: entry });
  } catch (error) {
    console.error("[ai] could not record AI usage", error);
  }
}
