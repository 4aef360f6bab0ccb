import { authedRoute } from "@/lib/http/route";
import { json, noContent, uuidParam } from "@/lib/http/request";
import { deleteActivity, getActivity, updateActivity } from "@/lib/activities/service";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) =>
  json({ activity: await getActivity({ actor, id: uuidParam(params.id, "activity") }) }),
);

export const PATCH = authedRoute<{ id: string }>(async ({ actor, params, body }) =>
  json({ activity: await updateActivity({ actor, id: uuidParam(params.id, "activity"), input: await body() }) }),
);

export const DELETE = authedRoute<{ id: string }>(async ({ actor, params }) => {
  await deleteActivity({ actor, id: uuidParam(params.id, "activity") });
  return noContent();
});
