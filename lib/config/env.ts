import { z } from "zod";

const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  DATABASE_URL: z.string().default("postgresql://postgres@127.0.0.1:5432/nestling"),
  REDIS_URL: z.string().default("redis://127.0.0.1:6379"),
  APP_URL: z.string().default("http://localhost:3000"),
  DATABASE_POOL_SIZE: int(10),
  RATE_LIMIT_WINDOW_SECONDS: int(60),
  RATE_LIMIT_USER: int(600),
  RATE_LIMIT_IP: int(1200),
  RATE_LIMIT_AUTH_IP: int(30),
  API_BODY_LIMIT_BYTES: int(64 * 1024),
  /** POST /api/v1/sync carries up to 500 queued ops, so it has its own body limit. */
  SYNC_BODY_LIMIT_BYTES: int(1024 * 1024),
  /** How many days of entries a first sync sends, and the furthest ahead of the server a device's hlc may be. */
  SYNC_WINDOW_DAYS: int(90),
  SYNC_MAX_DRIFT_SECONDS: int(600),
  LOGIN_MAX_FAILURES: int(5),
  LOGIN_LOCKOUT_SECONDS: int(60),
  SESSION_MAX_AGE_SECONDS: int(30 * 24 * 3600),
  INVITE_TTL_HOURS: int(72),
  /** Realtime sidecar (realtime/): its port, the URL browsers reach it at, and its token lifetime. */
  REALTIME_PORT: int(3001),
  /** Unset: the token route answers the request's own host with REALTIME_PORT. */
  REALTIME_PUBLIC_URL: z.string().optional(),
  REALTIME_TOKEN_TTL_SECONDS: int(300),
  /** Address the sidecar listens on (all interfaces when unset) and its name in /health and logs (host-pid when unset). */
  REALTIME_HOST: z.string().optional(),
  REALTIME_INSTANCE_ID: z.string().optional(),
  /** Document store: MongoDB when set (official driver), otherwise the Document table in PostgreSQL. */
  MONGODB_URL: z.string().optional(),
  MONGODB_DB: z.string().default("nestling"),
  /** Worker (worker/): its /health port, jobs run at once, the refresh debounce and the history it models. */
  WORKER_PORT: int(3002),
  /** Redis key prefix of the job queues (the test runner gives each run its own). */
  QUEUE_PREFIX: z.string().default("nestling:bull"),
  WORKER_CONCURRENCY: int(4),
  REFRESH_DEBOUNCE_MS: int(2000),
  ANALYTICS_HISTORY_DAYS: int(30),
  PREDICTIONS_CACHE_TTL_SECONDS: int(6 * 3600),
  /** Cron (UTC) of the nightly insights job. */
  NIGHTLY_INSIGHTS_CRON: z.string().default("15 3 * * *"),
  /** Behind a reverse proxy: take the client IP from X-Forwarded-For (otherwise it is ignored). */
  TRUST_PROXY: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Server configuration, read once from the environment (README lists every variable). */
export function env(): Env {
  cached ??= envSchema.parse(process.env);
  return cached;
}
