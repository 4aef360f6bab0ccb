import { authedRoute } from "@/lib/http/route";
import { json } from "@/lib/http/request";
import { acceptInvite } from "@/lib/families/service";

export const POST = authedRoute<{ code: string }>(async ({ actor, params }) => json(await acceptInvite({ actor, code: params.code })));
