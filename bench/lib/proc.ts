/**
 * Child processes of a benchmark (each in its own process group, so that stopping it stops
 * whatever it spawned) and CPU accounting from /proc.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readdirSync, readFileSync } from "node:fs";

export type Service = { name: string; child: ChildProcess; exited: Promise<number | null>; stop: () => Promise<void> };

/** Starts a long-running process in its own group; stdout/stderr go to `logFile`. */
export function startService(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Service {
  const log = createWriteStream(logFile, { flags: "a" });
  const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
      signalGroup(child.pid, "SIGTERM");
      const done = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
      // Whatever is left of the group (a grandchild that ignored SIGTERM) is killed.
      await sleep(done ? 200 : 0);
      signalGroup(child.pid, "SIGKILL");
      log.end();
    })());
  return { name, child, exited, stop };
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

/** Runs a command to completion, output inherited; resolves with its exit code. */
export function runCommand(cmd: string, args: string[], env: NodeJS.ProcessEnv, register?: (child: ChildProcess) => void): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", env });
    register?.(child);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const CLK_TCK = 100; // getconf CLK_TCK on Linux x86-64

/** utime+stime in ms of one process, or undefined when it is gone. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return undefined;
  }
}

/** Pids of the processes whose process group is `pgid`. */
export function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) pids.push(Number(entry));
    } catch {
      /* exited meanwhile */
    }
  }
  return pids;
}

export type CpuSnapshot = Map<number, number>;

export function snapshot(pids: number[]): CpuSnapshot {
  const map: CpuSnapshot = new Map();
  for (const pid of pids) {
    const ms = processCpuMs(pid);
    if (ms !== undefined) map.set(pid, ms);
  }
  return map;
}

/** CPU ms used between two snapshots by the processes alive at the end (a process that exited in between is not counted). */
export function cpuDelta(before: CpuSnapshot, after: CpuSnapshot): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** Busy and total CPU time of the whole machine (all cores), in ms. */
export function machineCpu(): { busyMs: number; totalMs: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0];
  const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
  const busy = user + nice + system + irq + softirq + (steal ?? 0);
  return { busyMs: (busy * 1000) / CLK_TCK, totalMs: ((busy + idle + iowait) * 1000) / CLK_TCK };
}
