import { authedRoute } from "@/lib/http/route";
import { json } from "@/lib/http/request";
import { getMe, updateMe } from "@/lib/users/service";

export const GET = authedRoute(async ({ actor }) => json(await getMe({ actor })));

export const PATCH = authedRoute(async ({ actor, body }) => json(await updateMe({ actor, input: await body() })));
