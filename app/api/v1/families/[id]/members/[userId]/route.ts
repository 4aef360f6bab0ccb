import { authedRoute } from "@/lib/http/route";
import { json, noContent, uuidParam } from "@/lib/http/request";
import { changeMemberRole, removeMember } from "@/lib/families/service";

type P = { id: string; userId: string };

export const PATCH = authedRoute<P>(async ({ actor, params, body }) =>
  json({
    family: await changeMemberRole({
      actor,
      familyId: uuidParam(params.id, "family"),
      userId: uuidParam(params.userId, "member"),
      input: await body(),
    }),
  }),
);

export const DELETE = authedRoute<P>(async ({ actor, params }) => {
  await removeMember({ actor, familyId: uuidParam(params.id, "family"), userId: uuidParam(params.userId, "member") });
  return noContent();
});
