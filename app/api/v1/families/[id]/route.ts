import { authedRoute } from "@/lib/http/route";
import { json, noContent, uuidParam } from "@/lib/http/request";
import { deleteFamily, getFamily, renameFamily } from "@/lib/families/service";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) =>
  json({ family: await getFamily({ actor, familyId: uuidParam(params.id, "family") }) }),
);

export const PATCH = authedRoute<{ id: string }>(async ({ actor, params, body }) =>
  json({ family: await renameFamily({ actor, familyId: uuidParam(params.id, "family"), input: await body() }) }),
);

export const DELETE = authedRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteFamily({ actor, familyId: uuidParam(params.id, "family") });
  return noContent();
});
