import { authedRoute } from "@/lib/http/route";
import { json, uuidParam } from "@/lib/http/request";
import { getChildSummary } from "@/lib/insights/service";

export const GET = authedRoute<{ id: string }>(async ({ actor, params, query }) => {
  const { from, to } = query();
  return json({ summary: await getChildSummary({ actor, childId: uuidParam(params.id, "child"), from, to }) });
});
