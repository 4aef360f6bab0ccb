import { z } from "zod";
import { locales } from "@/lib/i18n/config";

/** Client chat ids come from useChat (nanoid-like); any short URL-safe token is accepted. */
export const chatIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

export const MAX_MESSAGES = 100;
export const MAX_PARTS = 50;

/** One UI message as useChat sends it; parts are checked loosely (the server only reads text parts). */
export const chatMessageSchema = z.object({
  id: z.string().min(1).max(100),
  role: z.enum(["user", "assistant", "system"]),
  parts: z.array(z.looseObject({ type: z.string().min(1).max(100) })).max(MAX_PARTS),
  metadata: z.unknown().optional(),
});

/** The body of POST /api/chat: the AI SDK UI-message request plus the child it is about. */
export const chatRequestSchema = z.object({
  id: chatIdSchema,
  childId: z.uuid(),
  messages: z.array(chatMessageSchema).min(1).max(MAX_MESSAGES),
  locale: z.enum(locales).optional(),
  trigger: z.enum(["submit-message", "regenerate-message"]).optional(),
  messageId: z.string().max(100).optional(),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;

export const listChatsQuerySchema = z.object({ childId: z.uuid() });
export const renameChatSchema = z.object({ title: z.string().trim().min(1).max(120) }).strict();

export const chatSummarySchema = z.object({
  id: chatIdSchema,
  childId: z.uuid(),
  title: z.string(),
  messageCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ChatSummary = z.infer<typeof chatSummarySchema>;

export const chatSchema = chatSummarySchema.extend({
  /** UI messages (AI SDK UIMessage: id, role, parts, metadata), oldest first. */
  messages: z.array(z.looseObject({ id: z.string(), role: z.string(), parts: z.array(z.unknown()) })),
});
export type ChatDto = z.infer<typeof chatSchema>;

export const chatsResponseSchema = z.object({ chats: z.array(chatSummarySchema) });
export const chatResponseSchema = z.object({ chat: chatSchema });
export const chatSummaryResponseSchema = z.object({ chat: chatSummarySchema });
