import { authedRoute } from "@/lib/http/route";
import { json, uuidParam } from "@/lib/http/request";
import { createInvite } from "@/lib/families/service";

export const POST = authedRoute<{ id: string }>(async ({ actor, params, body }) =>
  json(await createInvite({ actor, familyId: uuidParam(params.id, "family"), input: await body() }), 201),
);
