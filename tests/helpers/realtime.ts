import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/realtime/protocol";
import { api, type Account, type Json } from "./api";

const ROOT = path.resolve(__dirname, "..", "..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type Sidecar = {
  name: string;
  url: string;
  process: ChildProcess;
  output: () => string;
  health: () => Promise<{ status: number; body: Json }>;
  /** Sends a signal to its process group and resolves with the exit code. */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

/** Starts `node --import tsx realtime/index.ts` on a free port with the runner's env (plus `env`), and waits for /health. */
export async function startSidecar(name: string, env: Record<string, string> = {}): Promise<Sidecar> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Node itself runs the sidecar (tsx as a loader, not the tsx CLI wrapper): the CLI relays signals
  // to its child and, under load, can exit 143 on SIGTERM before the child's own clean exit.
  const child = spawn(process.execPath, ["--import", "tsx", "realtime/index.ts"], {
    cwd: ROOT,
    env: { ...process.env, REALTIME_PORT: String(port), REALTIME_HOST: "127.0.0.1", REALTIME_INSTANCE_ID: name, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: stopping it reaches tsx and the node process it runs.
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const health = async () => {
    const res = await fetch(`${url}/health`);
    return { status: res.status, body: await res.json() };
  };
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sidecar ${name} exited: ${output}`);
    const ok = await health().then(
      (h) => h.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`sidecar ${name} did not come up: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name,
    url,
    process: child,
    output: () => output,
    health,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // already gone
        }
      }
      return exited;
    },
  };
}

export async function realtimeToken(account: Account) {
  const res = await api(account.token).post("/api/v1/realtime/token");
  if (res.status !== 200) throw new Error(`realtime token failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { token: string; url: string; expiresAt: string };
}

export type Received = { name: string; payload: Json };
export type RealtimeClient = Socket<ServerToClientEvents, ClientToServerEvents> & {
  received: Received[];
  /** The first message (from `from` on) that matches, or a rejection after `timeoutMs`. */
  waitFor: (match: (m: Received) => boolean, options?: { timeoutMs?: number; from?: number }) => Promise<Received>;
  events: (familyId: string) => Json[];
};

/** A socket.io client on `url` (WebSocket only, no automatic reconnection) recording everything it receives. */
export function connect(url: string, auth: Record<string, unknown>): RealtimeClient {
  const socket = io(url, { transports: ["websocket"], auth, reconnection: false, forceNew: true }) as RealtimeClient;
  socket.received = [];
  const waiters = new Set<() => void>();
  const record = (name: string, payload: Json) => {
    socket.received.push({ name, payload });
    for (const wake of [...waiters]) wake();
  };
  socket.onAny((name: string, payload: Json) => record(name, payload));
  socket.on("connect", () => record("connect", null));
  socket.on("connect_error", (error) => record("connect_error", { message: error.message, data: (error as Error & { data?: Json }).data }));
  socket.on("disconnect", (reason) => record("disconnect", reason));
  socket.waitFor = (match, { timeoutMs = 10_000, from = 0 } = {}) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = socket.received.slice(from).find(match);
        if (!found) return false;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out; received: ${JSON.stringify(socket.received.map((m) => [m.name, m.payload?.type ?? m.payload]))}`));
      }, timeoutMs);
      if (!check()) waiters.add(check);
    });
  socket.events = (familyId) => socket.received.filter((m) => m.name === "event" && m.payload.familyId === familyId).map((m) => m.payload);
  return socket;
}

/** Connects and waits for the handshake's outcome. */
export async function connected(url: string, auth: Record<string, unknown>): Promise<RealtimeClient> {
  const socket = connect(url, auth);
  const outcome = await socket.waitFor((m) => m.name === "connect" || m.name === "connect_error");
  if (outcome.name !== "connect") throw new Error(`connect refused: ${JSON.stringify(outcome.payload)}`);
  return socket;
}

/** A TCP proxy to Redis that a test can cut and restore, to stage an outage for one sidecar only. */
export async function redisProxy(target: string) {
  const { hostname, port: targetPort } = new URL(target);
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(targetPort || 6379), hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("error", () => {});
          s.on("close", () => {
            sockets.delete(s);
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => resolve());
    });
  await open();
  return {
    url: `redis://127.0.0.1:${port}`,
    cut: async () => {
      await new Promise<void>((resolve) => {
        server?.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
    restore: open,
  };
}
