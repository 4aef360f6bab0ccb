import { authedRoute } from "@/lib/http/route";
import { noContent } from "@/lib/http/request";
import { changePassword } from "@/lib/users/service";

export const POST = authedRoute(
  async ({ actor, body, meta }) => {
    await changePassword({ actor, input: await body(), meta });
    return noContent();
  },
  { limit: "auth" },
);
