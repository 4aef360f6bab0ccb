import { authedRoute } from "@/lib/http/route";
import { json } from "@/lib/http/request";
import { issueRealtimeToken } from "@/lib/realtime/issue-token";

export const POST = authedRoute(async ({ actor, request }) =>
  json(issueRealtimeToken({ actor, request }), 200, { "cache-control": "no-store" }),
);
