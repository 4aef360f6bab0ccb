import { authedRoute } from "@/lib/http/route";
import { json, noContent } from "@/lib/http/request";
import { deleteChat, getChat, renameChat } from "@/lib/chats/service";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => json({ chat: await getChat({ actor, id: params.id }) }));

export const PATCH = authedRoute<{ id: string }>(async ({ actor, params, body }) =>
  json({ chat: await renameChat({ actor, id: params.id, input: await body() }) }),
);

export const DELETE = authedRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteChat({ actor, id: params.id });
  return noContent();
});
