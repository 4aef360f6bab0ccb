import { authedRoute } from "@/lib/http/route";
import { json } from "@/lib/http/request";
import { createAccessToken, listAccessTokens } from "@/lib/users/service";

export const GET = authedRoute(async ({ actor }) => json({ items: await listAccessTokens({ actor }) }));

export const POST = authedRoute(async ({ actor, body, meta }) => json(await createAccessToken({ actor, input: await body(), meta }), 201));
