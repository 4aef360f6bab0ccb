import type { Actor } from "@/lib/auth/actor";
import { AppError, parseInput } from "@/lib/errors/app-error";
import { documentStore, type StoredDocument } from "@/lib/docs/store";
import { familyIdsOf, requireChildRole } from "@/lib/families/access";
import { chatIdSchema, listChatsQuerySchema, renameChatSchema, type ChatDto, type ChatSummary } from "./schema";

/**
 * Chat history in the document store's `chats` collection: one document per conversation, keyed
 * by the client's chat id within the family, private to the user who started it. Another user's
 * chat, or one in a family the actor left, is 404.
 */
export type StoredMessage = { id: string; role: string; parts: unknown[]; metadata?: unknown };
export type StoredChat = { chatId: string; userId: string; title: string; messages: StoredMessage[] };

/** Conversations keep their newest messages; the model and the UI never need more. */
const MAX_STORED_MESSAGES = 200;
const MAX_LISTED = 200;

const keyOf = (chatId: string) => `chat:${chatId}`;

function summaryOf(doc: StoredDocument<StoredChat>): ChatSummary {
  return {
    id: doc.data.chatId,
    childId: doc.childId as string,
    title: doc.data.title,
    messageCount: doc.data.messages.length,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}

async function findOwnChat(actor: Actor, chatId: unknown): Promise<StoredDocument<StoredChat>> {
  const id = chatIdSchema.safeParse(chatId);
  if (!id.success) throw new AppError("not_found:chat");
  const store = await documentStore();
  for (const familyId of await familyIdsOf(actor)) {
    const doc = await store.getByKey<StoredChat>("chats", familyId, keyOf(id.data));
    if (doc && doc.data.userId === actor.userId && doc.childId) {
      // Still allowed to see the child (not deleted, still a member).
      await requireChildRole({ actor, childId: doc.childId, atLeast: "viewer" }).catch(() => {
        throw new AppError("not_found:chat");
      });
      return doc;
    }
  }
  throw new AppError("not_found:chat");
}

export async function listChats({ actor, query }: { actor: Actor; query: unknown }): Promise<ChatSummary[]> {
  const q = parseInput(listChatsQuerySchema, query, "chat");
  const { child } = await requireChildRole({ actor, childId: q.childId, atLeast: "viewer" });
  const docs = await (
    await documentStore()
  ).list<StoredChat>("chats", { familyId: child.familyId, childId: child.id, type: "chat", limit: MAX_LISTED });
  return docs
    .filter((d) => d.data.userId === actor.userId)
    .map(summaryOf)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function getChat({ actor, id }: { actor: Actor; id: string }): Promise<ChatDto> {
  const doc = await findOwnChat(actor, id);
  return { ...summaryOf(doc), messages: doc.data.messages as ChatDto["messages"] };
}

export async function renameChat({ actor, id, input }: { actor: Actor; id: string; input: unknown }): Promise<ChatSummary> {
  const { title } = parseInput(renameChatSchema, input, "chat");
  const doc = await findOwnChat(actor, id);
  const { document } = await (
    await documentStore()
  ).upsert<StoredChat>("chats", {
    familyId: doc.familyId,
    childId: doc.childId,
    type: "chat",
    key: doc.key as string,
    data: { ...doc.data, title },
  });
  return summaryOf(document);
}

export async function deleteChat({ actor, id }: { actor: Actor; id: string }): Promise<void> {
  const doc = await findOwnChat(actor, id);
  await (await documentStore()).delete("chats", doc.id);
}

/**
 * Appends messages to the actor's chat (creating it, titled after the first question). The chat
 * route calls it with the user's message before streaming and with the answer on finish.
 * A chat id that belongs to someone else, or to another child, is refused.
 */
export async function appendChatMessages({
  actor,
  familyId,
  childId,
  chatId,
  messages,
  title,
}: {
  actor: Actor;
  familyId: string;
  childId: string;
  chatId: string;
  messages: StoredMessage[];
  title?: string;
}): Promise<ChatSummary> {
  const store = await documentStore();
  const existing = await store.getByKey<StoredChat>("chats", familyId, keyOf(chatId));
  if (existing && (existing.data.userId !== actor.userId || existing.childId !== childId)) throw new AppError("conflict:chat");
  const prior = existing?.data.messages ?? [];
  const ids = new Set(messages.map((m) => m.id));
  const merged = [...prior.filter((m) => !ids.has(m.id)), ...messages].slice(-MAX_STORED_MESSAGES);
  const { document } = await store.upsert<StoredChat>("chats", {
    familyId,
    childId,
    type: "chat",
    key: keyOf(chatId),
    data: { chatId, userId: actor.userId, title: existing?.data.title ?? (title || "…").slice(0, 120), messages: merged },
  });
  return summaryOf(document);
}

/** The stored messages of a chat the actor owns (empty for a new chat). */
export async function storedMessages({ actor, familyId, chatId }: { actor: Actor; familyId: string; chatId: string }) {
  const doc = await (await documentStore()).getByKey<StoredChat>("chats", familyId, keyOf(chatId));
  return doc && doc.data.userId === actor.userId ? doc.data.messages : [];
}
