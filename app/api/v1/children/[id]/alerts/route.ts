import { authedRoute } from "@/lib/http/route";
import { json, uuidParam } from "@/lib/http/request";
import { listChildAlerts } from "@/lib/insights/service";
import { presentAlert } from "@/lib/insights/present";

export const GET = authedRoute<{ id: string }>(async ({ actor, params, query, locale }) => {
  const items = await listChildAlerts({ actor, childId: uuidParam(params.id, "child"), limit: query().limit });
  return json({ items: items.map((a) => presentAlert(a, locale)) });
});
