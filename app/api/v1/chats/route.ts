import { authedRoute } from "@/lib/http/route";
import { json } from "@/lib/http/request";
import { listChats } from "@/lib/chats/service";

export const GET = authedRoute(async ({ actor, query }) => json({ chats: await listChats({ actor, query: query() }) }));
