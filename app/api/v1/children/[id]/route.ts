import { authedRoute } from "@/lib/http/route";
import { json, noContent, uuidParam } from "@/lib/http/request";
import { deleteChild, getChild, updateChild } from "@/lib/children/service";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) =>
  json({ child: await getChild({ actor, childId: uuidParam(params.id, "child") }) }),
);

export const PATCH = authedRoute<{ id: string }>(async ({ actor, params, body }) =>
  json({ child: await updateChild({ actor, childId: uuidParam(params.id, "child"), input: await body() }) }),
);

export const DELETE = authedRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteChild({ actor, childId: uuidParam(params.id, "child") });
  return noContent();
});
