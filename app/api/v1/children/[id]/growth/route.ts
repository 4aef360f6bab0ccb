import { authedRoute } from "@/lib/http/route";
import { json } from "@/lib/http/request";
import { AppError } from "@/lib/errors/app-error";
import { getChildGrowth } from "@/lib/growth/queries";
import { growthParamsSchema } from "@/lib/growth/schema";

export const GET = authedRoute<{ id: string }>(async ({ actor, params }) => {
  const parsed = growthParamsSchema.safeParse(params);
  // A malformed id names no child the actor can see: the same 404 as another family's child.
  if (!parsed.success) throw new AppError("not_found:child");
  return json(await getChildGrowth({ actor, childId: parsed.data.id.toLowerCase() }));
});
