/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload (node --require) */
/**
 * Opt-in instrumentation for `bench:api --trace`, loaded into the app with `node --require`
 * (no change to the app): times every pg query (by SQL text), every ioredis command and
 * pipeline, and every HTTP request from 'request' to the response's 'finish'. On SIGUSR2 it
 * appends the counters since the last dump as one JSON line to BENCH_TRACE_FILE and resets them.
 */
"use strict";
const fs = require("node:fs");
const http = require("node:http");

const file = process.env.BENCH_TRACE_FILE;
let state = fresh();
function fresh() {
  return { requests: 0, requestMs: 0, sql: new Map(), redis: new Map(), eventLoopLagMs: [] };
}
function add(map, key, ms) {
  const e = map.get(key) || { count: 0, ms: 0, maxMs: 0 };
  e.count++;
  e.ms += ms;
  if (ms > e.maxMs) e.maxMs = ms;
  map.set(key, e);
}
const now = () => performance.now();

// --- HTTP: server-side time of each request
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, res) {
  if (event === "request" && res && typeof res.on === "function") {
    const t0 = now();
    res.on("finish", () => {
      state.requests++;
      state.requestMs += now() - t0;
    });
  }
  return emit.apply(this, arguments);
};

// --- pg: each query by its SQL text (Prisma's are the same text for every request of a kind)
function sqlKey(q) {
  const text = typeof q === "string" ? q : q && q.text;
  if (!text) return "(unknown)";
  return text
    .replace(/\s+/g, " ")
    .replace(/"public"\./g, "")
    .slice(0, 160);
}
try {
  const pg = require(require.resolve("pg", { paths: [process.cwd()] }));
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values, callback) {
    const key = sqlKey(config);
    const t0 = now();
    const cb =
      typeof values === "function"
        ? values
        : typeof callback === "function"
          ? callback
          : config && typeof config.callback === "function"
            ? config.callback
            : null;
    if (cb) {
      const wrapped = function () {
        add(state.sql, key, now() - t0);
        return cb.apply(this, arguments);
      };
      if (typeof values === "function") return query.call(this, config, wrapped);
      if (typeof callback === "function") return query.call(this, config, values, wrapped);
      config.callback = wrapped;
      return query.call(this, config, values);
    }
    const result = query.apply(this, arguments);
    if (result && typeof result.then === "function") {
      result.then(
        () => add(state.sql, key, now() - t0),
        () => add(state.sql, key + " (failed)", now() - t0),
      );
    }
    return result;
  };
} catch (error) {
  console.error("[trace] pg not instrumented:", error.message);
}

// --- ioredis: single commands and pipelines
try {
  const base = require.resolve("ioredis", { paths: [process.cwd()] }).replace(/built\/index\.js$/, "built/");
  const Redis = require(base + "Redis.js").default;
  const Pipeline = require(base + "Pipeline.js").default;
  const send = Redis.prototype.sendCommand;
  Redis.prototype.sendCommand = function (command) {
    if (command && command.pipelineIndex === undefined && command.promise && !this._tracePipeline) {
      const t0 = now();
      const name = String(command.name).toUpperCase();
      command.promise.then(
        () => add(state.redis, name, now() - t0),
        () => add(state.redis, name + " (failed)", now() - t0),
      );
    }
    return send.apply(this, arguments);
  };
  const exec = Pipeline.prototype.exec;
  Pipeline.prototype.exec = function () {
    const t0 = now();
    const name = "pipeline[" + this._queue.map((c) => String(c.name).toUpperCase()).join(",") + "]";
    const p = exec.apply(this, arguments);
    if (p && typeof p.then === "function")
      p.then(
        () => add(state.redis, name, now() - t0),
        () => add(state.redis, name + " (failed)", now() - t0),
      );
    return p;
  };
} catch (error) {
  console.error("[trace] ioredis not instrumented:", error.message);
}

// --- event-loop lag: how long a 10 ms timer is late (CPU saturation shows here first)
let expected = now() + 10;
setInterval(() => {
  const t = now();
  state.eventLoopLagMs.push(Math.max(0, t - expected));
  expected = t + 10;
}, 10).unref();

process.on("SIGUSR2", () => {
  const entries = (map) =>
    [...map].map(([key, e]) => ({
      key,
      count: e.count,
      totalMs: Math.round(e.ms * 10) / 10,
      meanMs: Math.round((e.ms / e.count) * 100) / 100,
      maxMs: Math.round(e.maxMs * 10) / 10,
    }));
  const lag = state.eventLoopLagMs.slice().sort((a, b) => a - b);
  const line = {
    at: new Date().toISOString(),
    requests: state.requests,
    requestMeanMs: state.requests ? Math.round((state.requestMs / state.requests) * 100) / 100 : 0,
    sql: entries(state.sql).sort((a, b) => b.totalMs - a.totalMs),
    redis: entries(state.redis).sort((a, b) => b.totalMs - a.totalMs),
    eventLoopLagMs: lag.length
      ? {
          p50: Math.round(lag[Math.floor(lag.length * 0.5)] * 10) / 10,
          p99: Math.round(lag[Math.floor(lag.length * 0.99)] * 10) / 10,
          max: Math.round(lag[lag.length - 1] * 10) / 10,
        }
      : null,
  };
  if (file) fs.appendFileSync(file, JSON.stringify(line) + "\n");
  state = fresh();
});
