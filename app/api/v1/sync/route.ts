import { env } from "@/lib/config/env";
import { authedRoute } from "@/lib/http/route";
import { json, readJsonBody } from "@/lib/http/request";
import { syncForActor } from "@/lib/sync/service";

/** Offline sync: apply the device's queued ops, answer what changed since its last sync. */
export const POST = authedRoute(async ({ actor, request, locale }) => {
  const result = await syncForActor({ actor, input: await readJsonBody(request, env().SYNC_BODY_LIMIT_BYTES) });
  return json({ ...result, rejected: result.rejected.map(({ opId, error }) => ({ opId, error: error.toBody(locale).error })) });
});
