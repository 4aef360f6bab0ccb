import { authedRoute } from "@/lib/http/route";
import { json, uuidParam } from "@/lib/http/request";
import { listChildInsights } from "@/lib/insights/service";
import { presentInsight } from "@/lib/insights/present";

export const GET = authedRoute<{ id: string }>(async ({ actor, params, query, locale }) => {
  const items = await listChildInsights({ actor, childId: uuidParam(params.id, "child"), limit: query().limit });
  return json({ items: items.map((i) => presentInsight(i, locale)) });
});
