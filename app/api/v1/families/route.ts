import { authedRoute } from "@/lib/http/route";
import { json } from "@/lib/http/request";
import { createFamily, listFamilies } from "@/lib/families/service";

export const GET = authedRoute(async ({ actor }) => json({ items: await listFamilies({ actor }) }));

export const POST = authedRoute(async ({ actor, body }) => json({ family: await createFamily({ actor, input: await body() }) }, 201));
