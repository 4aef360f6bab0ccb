import { authedRoute } from "@/lib/http/route";
import { json, uuidParam } from "@/lib/http/request";
import { applyTimerAction, getTimer } from "@/lib/timers/service";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) =>
  json({ timer: await getTimer({ actor, id: uuidParam(params.id, "timer") }) }),
);

export const PATCH = authedRoute<{ id: string }>(async ({ actor, params, body }) =>
  json(await applyTimerAction({ actor, id: uuidParam(params.id, "timer"), input: await body() })),
);
