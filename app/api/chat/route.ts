import { createUIMessageStreamResponse } from "ai";
import { authedRoute } from "@/lib/http/route";
import { readJsonBody } from "@/lib/http/request";
import { env } from "@/lib/config/env";
import { isLocale } from "@/lib/i18n/config";
import { parseChatInput } from "@/lib/ai/chat-input";
import { createChildData } from "@/lib/ai/child-data";
import { enforceAiLimits } from "@/lib/ai/limits";
import { runChatTurn } from "@/lib/ai/chat";
import { providersFromEnv } from "@/lib/ai/gateway";

/**
 * POST /api/chat: the AI SDK UI-message request `{ id, childId, messages, locale? }`, answered as
 * the UI message stream (SSE). Errors before the stream starts are JSON `{ error }` with 400,
 * 401, 404, 413 or 429 (Retry-After).
 */
export const POST = authedRoute(async ({ actor, request, locale }) => {
  const input = parseChatInput(await readJsonBody(request, env().AI_BODY_LIMIT_BYTES));
  const data = await createChildData({ actor, childId: input.request.childId.toLowerCase() });
  await enforceAiLimits(actor);
  const stream = await runChatTurn({
    actor,
    data,
    input,
    locale: isLocale(input.request.locale) ? input.request.locale : locale,
    deps: { providers: providersFromEnv() },
  });
  return createUIMessageStreamResponse({ stream });
});
