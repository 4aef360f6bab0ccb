import { publicRoute } from "@/lib/http/route";
import { json } from "@/lib/http/request";
import { registerUser } from "@/lib/users/service";

export const POST = publicRoute(
  async ({ body, meta }) => {
    const result = await registerUser({ input: await body(), meta, issueToken: true });
    return json(result, 201);
  },
  { limit: "auth" },
);
