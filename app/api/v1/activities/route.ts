import { authedRoute } from "@/lib/http/route";
import { json } from "@/lib/http/request";
import { createActivity, listActivities } from "@/lib/activities/service";

export const GET = authedRoute(async ({ actor, query }) => json(await listActivities({ actor, query: query() })));

/** 201 when created; 200 with the stored entry when the client-generated id already exists. */
export const POST = authedRoute(async ({ actor, body }) => {
  const { activity, created } = await createActivity({ actor, input: await body() });
  return json({ activity }, created ? 201 : 200);
});
