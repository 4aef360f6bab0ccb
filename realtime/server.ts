import http from "node:http";
import os from "node:os";
import { createAdapter } from "@socket.io/redis-adapter";
import Redis from "ioredis";
import { Server } from "socket.io";
import { FAMILY_CHANNEL_PATTERN, familyEventSchema } from "@/lib/events/schema";
import {
  handshakeAuthSchema,
  refreshRequestSchema,
  REALTIME_REFRESH,
  REALTIME_SHUTDOWN,
  REALTIME_TOKEN_EXPIRED,
  type RealtimeRefusal,
} from "@/lib/realtime/protocol";
import { checkCredentials, refusal } from "./credentials";
import { FamilyFeed, type History, type RealtimeServerIo, type RealtimeSocket } from "./family-feed";
import { readFamilyEvents, readFamilySeq, readMemberships } from "./history";

export type RealtimeServerOptions = {
  port: number;
  host?: string;
  redisUrl: string;
  /** The app's origin, allowed by CORS (long-polling; WebSockets are not subject to CORS). */
  appUrl: string;
  instanceId?: string;
  /** How long a hole in a socket's seqs may stay before it is filled from PostgreSQL. */
  gapRepairMs?: number;
  history?: History & { readMemberships: typeof readMemberships };
  log?: (message: string, error?: unknown) => void;
};

export type RealtimeHealth = {
  status: "ok" | "degraded";
  redis: "ok" | "down";
  sockets: number;
  instanceId: string;
  dropped: { clientMessages: number; redisEvents: number };
  uptime: number;
};

const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The realtime sidecar: Socket.io with the Redis adapter (rooms shared by every instance), a
 * handshake that verifies the realtime token, a Redis subscriber on every family channel, and
 * GET /health on the same port. `listen()` starts it, `close()` shuts it down gracefully.
 */
export function createRealtimeServer(options: RealtimeServerOptions) {
  const instanceId = options.instanceId ?? `${os.hostname()}-${process.pid}`;
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[realtime ${instanceId}] ${message}`, error ?? ""));
  const history = options.history ?? { readFamilyEvents, readFamilySeq, readMemberships };
  const startedAt = Date.now();
  const dropped = { clientMessages: 0, redisEvents: 0 };
  let closing: Promise<void> | undefined;

  const httpServer = http.createServer((request, response) => {
    if (request.method === "GET" && request.url?.split("?")[0] === "/health") {
      const body = health();
      response.writeHead(body.status === "ok" ? 200 : 503, { "content-type": "application/json", "cache-control": "no-store" });
      return void response.end(JSON.stringify(body));
    }
    response.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "not_found" } }));
  });

  const redisOptions = { maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(times * 200, 2000) };
  const pubClient = new Redis(options.redisUrl, redisOptions);
  const subClient = pubClient.duplicate();
  // A dedicated connection for the family channels; subscribed again by hand after each reconnect,
  // so the catch-up below starts only once live events flow again.
  const events = new Redis(options.redisUrl, { ...redisOptions, autoResubscribe: false });
  for (const client of [pubClient, subClient, events]) client.on("error", () => {});

  const io: RealtimeServerIo = new Server(httpServer, {
    cors: { origin: new URL(options.appUrl).origin },
    // WebSocket first; long-polling stays available as a fallback (needs sticky sessions behind a load balancer).
    transports: ["websocket", "polling"],
    serveClient: false,
  });
  io.adapter(createAdapter(pubClient, subClient));

  const feed = new FamilyFeed(io, history, { gapRepairMs: options.gapRepairMs ?? 1000, retryMs: 1000, log });

  let subscribed = false;
  let wasSubscribed = false;
  events.on("ready", () => {
    events.psubscribe(FAMILY_CHANNEL_PATTERN).then(
      () => {
        const recovering = wasSubscribed;
        subscribed = wasSubscribed = true;
        // Events published while Redis was away were lost on pub/sub, but not in FamilyEvent.
        if (recovering) feed.recoverAll();
      },
      (error) => log("psubscribe failed", error),
    );
  });
  events.on("close", () => {
    if (subscribed && !closing) log("Redis connection lost; sockets stay, catching up when it returns");
    subscribed = false;
  });
  events.on("pmessage", (_pattern: string, channel: string, message: string) => {
    let parsed;
    try {
      parsed = familyEventSchema.safeParse(JSON.parse(message));
    } catch {
      parsed = undefined;
    }
    if (!parsed?.success || channel !== `family:${parsed.data.familyId}:events`) {
      dropped.redisEvents += 1;
      return;
    }
    feed.deliver(parsed.data);
  });

  io.use(async (socket, next) => {
    if (closing) return next(refusal("unavailable"));
    const auth: unknown = socket.handshake.auth;
    const token = auth && typeof auth === "object" ? (auth as { token?: unknown }).token : undefined;
    const check = await checkCredentials(token);
    if (!check.ok) return next(refusal(check.code));
    const parsed = handshakeAuthSchema.safeParse(auth);
    // A valid token with a malformed `since`: connect, but without catch-up (counted).
    if (!parsed.success) dropped.clientMessages += 1;
    const watch = feed.watchMemberships(check.claims.sub);
    let families;
    try {
      families = watch.end(await history.readMemberships(check.claims.sub));
    } catch (error) {
      watch.end();
      log("memberships unavailable", error);
      return next(refusal("unavailable" satisfies RealtimeRefusal));
    }
    socket.data = {
      userId: check.claims.sub,
      claims: check.claims,
      families,
      since: parsed.success ? (parsed.data.since ?? {}) : {},
      streams: new Map(),
    };
    next();
  });

  io.on("connection", (socket) => {
    armExpiry(socket);
    socket.onAny((event: string) => {
      if (event !== REALTIME_REFRESH) dropped.clientMessages += 1;
    });
    socket.on(REALTIME_REFRESH, async (payload: unknown, ack: unknown) => {
      if (typeof ack !== "function") return void (dropped.clientMessages += 1);
      const request = refreshRequestSchema.safeParse(payload);
      if (!request.success) {
        dropped.clientMessages += 1;
        return ack({ ok: false, error: "token_invalid" });
      }
      const check = await checkCredentials(request.data.token);
      if (!check.ok) return ack({ ok: false, error: check.code });
      if (check.claims.sub !== socket.data.userId) return ack({ ok: false, error: "token_invalid" });
      socket.data.claims = check.claims;
      armExpiry(socket);
      ack({ ok: true, expiresAt: new Date(check.claims.exp * 1000).toISOString() });
    });
    // Packets the parser refuses end the connection; they are counted, never thrown.
    socket.on("error" as never, (() => void (dropped.clientMessages += 1)) as never);
    socket.on("disconnect", () => clearTimeout(socket.data.expiry));
    feed.attach(socket).catch((error) => log("attach failed", error));
  });

  function armExpiry(socket: RealtimeSocket) {
    clearTimeout(socket.data.expiry);
    const delay = Math.min(Math.max(0, socket.data.claims.exp * 1000 - Date.now()), MAX_TIMER_MS);
    socket.data.expiry = setTimeout(() => {
      socket.emit(REALTIME_TOKEN_EXPIRED);
      socket.disconnect(true);
    }, delay);
  }

  function redisReady(): boolean {
    return subscribed && events.status === "ready" && pubClient.status === "ready" && subClient.status === "ready";
  }

  function health(): RealtimeHealth {
    const ok = redisReady() && !closing;
    return {
      status: ok ? "ok" : "degraded",
      redis: redisReady() ? "ok" : "down",
      sockets: io.of("/").sockets.size,
      instanceId,
      dropped: { ...dropped },
      uptime: Math.round((Date.now() - startedAt) / 1000),
    };
  }

  async function listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      httpServer.once("error", reject);
      httpServer.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
    });
    return (httpServer.address() as { port: number }).port;
  }

  /** Stop accepting, tell every socket to reconnect elsewhere, close the transports, the adapter and Redis. */
  function close(): Promise<void> {
    closing ??= (async () => {
      feed.stop();
      io.local.emit(REALTIME_SHUTDOWN);
      // Let the notice reach the sockets before their transports close.
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const socket of io.of("/").sockets.values()) clearTimeout(socket.data.expiry);
      await io.close();
      await Promise.all(
        [pubClient, subClient, events].map((client) =>
          client.status === "ready" ? client.quit().catch(() => client.disconnect()) : client.disconnect(),
        ),
      );
    })();
    return closing;
  }

  return { io, httpServer, instanceId, listen, close, health, dropped };
}

export type RealtimeServer = ReturnType<typeof createRealtimeServer>;
