import { authedRoute } from "@/lib/http/route";
import { json, searchParams, uuidParam } from "@/lib/http/request";
import { AppError } from "@/lib/errors/app-error";
import { createChild, listChildren } from "@/lib/children/service";

export const GET = authedRoute(async ({ actor, request }) => {
  const { familyId } = searchParams(request);
  if (!familyId) throw new AppError("bad_request:child", { fields: { familyId: { key: "required" } } });
  return json({ items: await listChildren({ actor, familyId: uuidParam(familyId, "family") }) });
});

export const POST = authedRoute(async ({ actor, body }) => json({ child: await createChild({ actor, input: await body() }) }, 201));
