import { authedRoute } from "@/lib/http/route";
import { noContent, uuidParam } from "@/lib/http/request";
import { revokeAccessToken } from "@/lib/users/service";

export const DELETE = authedRoute<{ id: string }>(async ({ actor, params, meta }) => {
  await revokeAccessToken({ actor, id: uuidParam(params.id, "token"), meta });
  return noContent();
});
