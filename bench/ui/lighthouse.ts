import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type Preset = "mobile" | "desktop";

/** What bench/ui/lighthouse-worker.mjs writes. */
export type LighthouseRun = {
  finalUrl: string;
  lighthouseVersion: string;
  /** 0–100, as Lighthouse shows them. */
  scores: { performance: number; accessibility: number; bestPractices: number };
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number };
  /** Script resources of the load (network-requests audit): transferKb is what went over the wire, gzipped when the server compressed. */
  scripts: { count: number; transferKb: number; resourceKb: number };
  /** Main-thread time by kind of work (mainthread-work-breakdown), and the costliest scripts (bootup-time). */
  mainThreadMs: Record<string, number>;
  bootupMs: { url: string; total: number; scripting: number }[];
  /** Failed audits of the accessibility and best-practices categories, by id. */
  failing: { accessibility: string[]; bestPractices: string[] };
  /** For each failing audit, what it found (selectors and snippets, or console messages), at most five. */
  findings: Record<string, string[]>;
  runWarnings: string[];
};

const WORKER = path.join(import.meta.dirname, "lighthouse-worker.mjs");
const workers = new Set<ChildProcess>();

/** Stops a running Lighthouse (SIGINT: chrome-launcher then closes its Chromium). */
export function stopLighthouse() {
  for (const child of workers) child.kill("SIGINT");
}

/** One Lighthouse run, in a plain `node` child process (see the worker for why not in-process under tsx). */
export async function runLighthouse(input: { url: string; preset: Preset; cookie: string; chromePath: string }): Promise<LighthouseRun> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "nestling-lighthouse-"));
  const out = path.join(dir, "summary.json");
  try {
    const code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, [WORKER, JSON.stringify(input), out], { stdio: ["ignore", "inherit", "inherit"] });
      workers.add(child);
      child.on("exit", (c) => {
        workers.delete(child);
        resolve(c ?? 1);
      });
    });
    if (code !== 0) throw new Error(`Lighthouse worker exited with ${code}`);
    return JSON.parse(readFileSync(out, "utf8")) as LighthouseRun;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
