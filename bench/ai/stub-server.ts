import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A tiny OpenAI-compatible chat-completions server for the bench: it streams a fixed answer as
 * SSE chunks (role, `tokens` content deltas, finish, usage, [DONE]) with no model behind it, so
 * what the bench measures is the transport and our own overhead. A stand-in, not a model.
 */
export async function startStubServer({ tokens = 20, tokenDelayMs = 0 }: { tokens?: number; tokenDelayMs?: number } = {}): Promise<{
  url: string;
  server: Server;
  requests: () => number;
}> {
  let requests = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", async () => {
      requests++;
      if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
      const id = `chatcmpl-${requests}`;
      const created = Math.floor(Date.now() / 1000);
      const send = (choices: unknown[], extra: Record<string, unknown> = {}) =>
        res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model: "stub", choices, ...extra })}\n\n`);
      send([{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }]);
      for (let i = 0; i < tokens; i++) {
        if (tokenDelayMs) await new Promise((r) => setTimeout(r, tokenDelayMs));
        send([{ index: 0, delta: { content: i === 0 ? "Today" : ` word${i}` }, finish_reason: null }]);
      }
      send([{ index: 0, delta: {}, finish_reason: "stop" }]);
      send([], {
        usage: { prompt_tokens: Math.ceil(body.length / 4), completion_tokens: tokens, total_tokens: Math.ceil(body.length / 4) + tokens },
      });
      res.end("data: [DONE]\n\n");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, server, requests: () => requests };
}
