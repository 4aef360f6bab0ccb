import { env } from "@/lib/config/env";
import { AppError, parseInput } from "@/lib/errors/app-error";
import { chatRequestSchema, type ChatRequest } from "@/lib/chats/schema";
import { textOf } from "./ui-message";

/** Control characters other than tab and line breaks, and U+FFFD from undecodable bytes: a binary upload, not a question. */
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/;

export type ChatInput = { request: ChatRequest; question: string; history: { role: "user" | "assistant"; text: string }[] };

/**
 * The chat request, checked: the AI SDK body shape (zod), the last message a non-empty user
 * question within AI_MAX_INPUT_CHARS (longer → 413), no binary content anywhere (→ 400).
 * Only text parts of the history are kept: tool or data parts from a client are never trusted.
 */
export function parseChatInput(body: unknown): ChatInput {
  const request = parseInput(chatRequestSchema, body, "chat");
  const last = request.messages[request.messages.length - 1];
  if (last.role !== "user") throw new AppError("bad_request:chat", { fields: { messages: { key: "last_message_not_user" } } });
  for (const m of request.messages)
    for (const p of m.parts)
      if (typeof p.text === "string" && BINARY.test(p.text))
        throw new AppError("bad_request:chat", { fields: { messages: { key: "binary_content" } } });
  const question = textOf(last as { parts: { type: string; text?: string }[] });
  if (!question) throw new AppError("bad_request:chat", { fields: { messages: { key: "empty_message" } } });
  if (question.length > env().AI_MAX_INPUT_CHARS) throw new AppError("payload_too_large:chat");
  const history = request.messages
    .slice(-20)
    .filter((m) => m.role === "user" || m.role === "assistant")
    .map((m) => ({
      role: m.role as "user" | "assistant",
      text: textOf(m as { parts: { type: string; text?: string }[] }).slice(0, env().AI_MAX_INPUT_CHARS),
    }))
    .filter((m) => m.text);
  return { request, question, history };
}
