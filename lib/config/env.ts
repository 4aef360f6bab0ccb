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
  WORKER_HOST: z.string().default("127.0.0.1"),
  /** Redis key prefix of the job queues (the test runner gives each run its own). */
  QUEUE_PREFIX: z.string().default("nestling:bull"),
  WORKER_CONCURRENCY: int(4),
  REFRESH_DEBOUNCE_MS: int(2000),
  ANALYTICS_HISTORY_DAYS: int(30),
  PREDICTIONS_CACHE_TTL_SECONDS: int(6 * 3600),
  /** Cron (UTC) of the nightly insights job. */
  NIGHTLY_INSIGHTS_CRON: z.string().default("15 3 * * *"),
  /** AI assistant (lib/ai): providers tried in order ("openai,anthropic,compatible"); none → the built-in answerer. */
  AI_PROVIDERS: z.string().default(""),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_MODEL: z.string().default("gpt-4o-mini"),
  /** An OpenAI-compatible base URL for the "openai" provider (unset: api.openai.com). */
  OPENAI_BASE_URL: z.string().optional(),
  ANTHROPIC_API_KEY: z.string().optional(),
  ANTHROPIC_MODEL: z.string().default("claude-3-5-haiku-latest"),
  /** Any OpenAI-compatible server (Ollama, llama.cpp, vLLM): base URL ending in /v1, model name, optional key. */
  AI_COMPATIBLE_BASE_URL: z.string().optional(),
  AI_COMPATIBLE_MODEL: z.string().default("llama3.1"),
  AI_COMPATIBLE_API_KEY: z.string().optional(),
  AI_TIMEOUT_MS: int(30_000),
  AI_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
  AI_MAX_STEPS: int(5),
  /** Answers per user per day, and requests per access token (or session user) per minute. */
  AI_DAILY_QUOTA: int(200),
  AI_RATE_LIMIT_PER_MINUTE: int(20),
  AI_BODY_LIMIT_BYTES: int(256 * 1024),
  AI_MAX_INPUT_CHARS: int(4000),
  AI_CACHE_TTL_SECONDS: int(3600),
  AI_CONTEXT_TTL_SECONDS: int(600),
  /** Voice input: an OpenAI-compatible Whisper server (unset: OpenAI when OPENAI_API_KEY is set; else 501). */
  AI_WHISPER_BASE_URL: z.string().optional(),
  AI_WHISPER_MODEL: z.string().default("whisper-1"),
  AI_WHISPER_API_KEY: z.string().optional(),
  AI_AUDIO_LIMIT_BYTES: int(10 * 1024 * 1024),
  AI_AUDIO_MAX_SECONDS: int(120),
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
