import { publicRoute } from "@/lib/http/route";
import { json } from "@/lib/http/request";
import { issueAccessToken } from "@/lib/users/service";

export const POST = publicRoute(
  async ({ body, meta }) => {
    const { token, id, label, createdAt } = await issueAccessToken({ input: await body(), meta });
    return json({ token, id, label, createdAt }, 201);
  },
  { limit: "auth" },
);
