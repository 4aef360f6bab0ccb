import { authedRoute } from "@/lib/http/route";
import { json, uuidParam } from "@/lib/http/request";
import { getChildPredictions } from "@/lib/insights/service";
import { presentPredictions } from "@/lib/insights/present";

export const GET = authedRoute<{ id: string }>(async ({ actor, params, locale }) =>
  json({ predictions: presentPredictions(await getChildPredictions({ actor, childId: uuidParam(params.id, "child") }), locale) }),
);
