/**
 * Fixed-rate HTTP load with autocannon, every response's latency kept (exact percentiles).
 *
 * Two pacings:
 * - "burst": one autocannon run with `connections` and `overallRate` — autocannon's own
 *   rate mode. Each connection sends its share of the second's requests back to back as soon as
 *   the second starts, and all connections start their second together, so the server sees a
 *   burst of `connections` concurrent requests at the top of every second and then nothing.
 * - "staggered" (default): `connections` autocannon runs of one connection each, each at
 *   rate/connections req/s, started 1000/connections ms apart, so the seconds of the
 *   connections are spread evenly and the arrivals approach a steady stream of `rate` req/s.
 *   With connections == rate each connection sends one request per second: an open loop at fixed
 *   arrival times as long as a response takes less than a second.
 */
import autocannon, { type Instance, type Result } from "autocannon";

export type Pacing = "staggered" | "burst";

export type LoadSpec = {
  baseUrl: string;
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** A fresh body for every request (called by autocannon's setupRequest). */
  body?: () => string;
  rate: number;
  durationSec: number;
  connections: number;
  pacing: Pacing;
  timeoutSec?: number;
};

export type LoadResult = {
  latencies: number[];
  statusCounts: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  completed: number;
  durationSec: number;
  achievedRate: number;
  autocannonRuns: number;
  /** Up to three bodies of non-2xx responses, to tell a 429 from a 500. */
  errorSamples: string[];
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runLoad(spec: LoadSpec, onInstance?: (instance: Instance) => void): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  const errorSamples: string[] = [];
  const request = {
    method: spec.method,
    path: spec.path,
    headers: spec.headers,
    ...(spec.body && {
      setupRequest: (req: { body?: string }) => ({ ...req, body: spec.body!() }),
    }),
    onResponse: (status: number, body: string) => {
      if ((status < 200 || status >= 300) && errorSamples.length < 3) errorSamples.push(`${status} ${body.slice(0, 300)}`);
    },
  };

  const launch = (connections: number, rate: number) =>
    new Promise<Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: spec.baseUrl,
          connections,
          overallRate: rate,
          duration: spec.durationSec,
          timeout: spec.timeoutSec ?? 10,
          requests: [request as never],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
      instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
        latencies.push(responseTime);
        statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
      });
      onInstance?.(instance);
    });

  let runs: Promise<Result>[];
  if (spec.pacing === "burst") {
    runs = [launch(spec.connections, spec.rate)];
  } else {
    const n = Math.min(spec.connections, spec.rate);
    const gap = 1000 / n;
    const started = Date.now();
    runs = [];
    for (let i = 0; i < n; i++) {
      const wait = started + i * gap - Date.now();
      if (wait > 0) await sleep(wait);
      const share = Math.floor(spec.rate / n) + (i < spec.rate % n ? 1 : 0);
      runs.push(launch(1, share));
    }
  }
  const results = await Promise.all(runs);
  const completed = latencies.length;
  // Each run measures its own wall time; the runs of the staggered pacing overlap, so the
  // achieved rate is the sum of their rates.
  const achievedRate = results.reduce((sum, r) => sum + responsesOf(r) / r.duration, 0);
  const non2xx = Object.entries(statusCounts).reduce((n, [code, count]) => (code.startsWith("2") ? n : n + count), 0);
  return {
    latencies,
    statusCounts,
    non2xx,
    errors: results.reduce((n, r) => n + r.errors, 0),
    timeouts: results.reduce((n, r) => n + r.timeouts, 0),
    completed,
    durationSec: Math.max(...results.map((r) => r.duration)),
    achievedRate,
    autocannonRuns: results.length,
    errorSamples,
  };
}

function responsesOf(r: Result): number {
  return Object.values(r.statusCodeStats ?? {}).reduce((n, s) => n + s.count, 0);
}
