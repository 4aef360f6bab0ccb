import { authedRoute } from "@/lib/http/route";
import { json, searchParams, uuidParam } from "@/lib/http/request";
import { AppError } from "@/lib/errors/app-error";
import { listTimers, startTimer } from "@/lib/timers/service";

export const GET = authedRoute(async ({ actor, request }) => {
  const { familyId } = searchParams(request);
  if (!familyId) throw new AppError("bad_request:timer", { fields: { familyId: { key: "required" } } });
  return json({ items: await listTimers({ actor, familyId: uuidParam(familyId, "family") }) });
});

/** 201 when started; 200 with the running timer when another device already started it. */
export const POST = authedRoute(async ({ actor, body }) => {
  const { timer, created } = await startTimer({ actor, input: await body() });
  return json({ timer }, created ? 201 : 200);
});
