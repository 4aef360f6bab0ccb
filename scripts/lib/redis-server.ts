import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { startProcess, type Supervised } from "./supervisor";

export type RedisServer = { url: string; process: Supervised };

/** The `redis-server` executable on PATH, if any. */
export function findRedisServer(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "redis-server");
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.on("error", () => finish(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => finish(data.toString().startsWith("+PONG")));
  });
}

/** A throwaway Redis on 127.0.0.1:`port`: no RDB snapshots, no append-only file. */
export async function startRedisServer({ binary, port, logFile }: { binary: string; port: number; logFile: string }): Promise<RedisServer> {
  const proc = startProcess({
    name: "redis",
    command: binary,
    args: ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
    cwd: path.dirname(logFile),
    logFile,
  });
  let exitCode: number | null | undefined;
  void proc.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + 15_000;
  while (!(await ping(port))) {
    if (exitCode !== undefined || Date.now() > deadline) {
      await proc.stop(2_000);
      throw new Error(`redis-server did not start (see ${logFile})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url: `redis://127.0.0.1:${port}`, process: proc };
}
