import { authedRoute } from "@/lib/http/route";
import { json, uuidParam } from "@/lib/http/request";
import { restoreActivity } from "@/lib/activities/service";

/** Undo a delete. */
export const POST = authedRoute<{ id: string }>(async ({ actor, params }) =>
  json({ activity: await restoreActivity({ actor, id: uuidParam(params.id, "activity") }) }),
);
