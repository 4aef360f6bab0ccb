import { spawn } from "node:child_process";
import fs from "node:fs";
import readline from "node:readline";

export type ProcessSpec = {
  name: string;
  command: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run as this user (PostgreSQL refuses to run as root). */
  uid?: number;
  gid?: number;
  /** What asks the process to stop cleanly (PostgreSQL: SIGINT, a fast shutdown). */
  stopSignal?: NodeJS.Signals;
  /** Append output to this file instead of printing it with a `[name]` prefix. */
  logFile?: string;
  /** Keep output in memory and print it only if the process fails (see runTask). */
  quiet?: boolean;
};

export type Supervised = {
  name: string;
  pid: number;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  stop(timeoutMs?: number): Promise<void>;
  kill(): void;
  /** The last lines of a quiet process's output. */
  output(): string[];
};

// Every process runs under a small sh "tether" that holds the read end of a pipe from this
// process. When we close it, or die in any way (even SIGKILL), `read` returns and the tether
// sends the stop signal: nothing started here can outlive the command.
const TETHER = `
exec 3<&0
"$@" </dev/null &
child=$!
{ read -r _ <&3; kill -"$TETHER_STOP_SIGNAL" "$child" 2>/dev/null; } &
watcher=$!
wait "$child"
code=$?
kill "$watcher" 2>/dev/null
exit $code
`;

export function startProcess(spec: ProcessSpec): Supervised {
  const logFd = spec.logFile ? fs.openSync(spec.logFile, "a") : undefined;
  const child = spawn("/bin/sh", ["-c", TETHER, "tether", spec.command, ...(spec.args ?? [])], {
    cwd: spec.cwd,
    env: { ...(spec.env ?? process.env), TETHER_STOP_SIGNAL: (spec.stopSignal ?? "SIGTERM").replace(/^SIG/, "") },
    uid: spec.uid,
    gid: spec.gid,
    // Its own process group: a terminal's Ctrl-C reaches only us, and we stop things in order.
    detached: true,
    stdio: ["pipe", logFd ?? "pipe", logFd ?? "pipe"],
  });
  if (logFd !== undefined) fs.closeSync(logFd);
  const kept: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    readline.createInterface({ input: stream }).on("line", (line) => {
      if (!spec.quiet) return console.log(`[${spec.name}] ${line}`);
      kept.push(line);
      if (kept.length > 200) kept.shift();
    });
  }
  child.stdin?.on("error", () => {});
  const exited = new Promise<number | null>((resolve) => {
    // "close", not "exit": by then the last lines of output have been read too.
    child.on("close", (code) => resolve(code));
    child.on("error", (error) => {
      console.error(`[${spec.name}] ${error.message}`);
      resolve(1);
    });
  });
  let done = false;
  void exited.then(() => (done = true));

  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {}
  };
  const kill = () => {
    if (!done) killGroup();
  };

  return {
    name: spec.name,
    pid: child.pid ?? -1,
    exited,
    kill,
    output: () => kept,
    async stop(timeoutMs = 15_000) {
      if (done) return;
      child.stdin?.end();
      const timer = setTimeout(() => {
        console.error(`[${spec.name}] did not stop within ${timeoutMs / 1000} s; killing it`);
        kill();
      }, timeoutMs);
      await exited;
      clearTimeout(timer);
      // Anything the process left behind in its group (workers, backends) goes with it.
      killGroup();
    },
  };
}

/** Runs a process to completion; rejects when it exits with anything but 0. */
export async function runTask(spec: ProcessSpec, track: (p: Supervised) => void): Promise<void> {
  const proc = startProcess(spec);
  track(proc);
  const code = await proc.exited;
  if (code === 0) return;
  for (const line of proc.output()) console.error(`[${spec.name}] ${line}`);
  throw new Error(`${spec.name} failed (exit code ${code})`);
}
