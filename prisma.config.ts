import { defineConfig } from "prisma/config";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

// prisma/orm#27403: adapter-pg 6.x cannot decode the catalog types ("char", name, …) that the
// WASM schema engine's introspection returns; report them as text / text[]. Only the migration
// engine uses this shim; the application creates its client with the plain PrismaPg adapter.
const AS_TEXT = new Set([18, 19, 24, 28, 194, 1033, 2205, 2206]);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const fixFields = (res: Any) => {
  for (const f of res?.fields ?? []) {
    if (AS_TEXT.has(f.dataTypeID)) f.dataTypeID = 25;
    else if (f.dataTypeID === 1003) f.dataTypeID = 1009;
  }
  return res;
};
class CatalogAsTextClient extends pg.Client {
  query(...args: Any[]): Any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: Any, res: Any) => last(err, fixFields(res));
      return (super.query as Any)(...args);
    }
    if (typeof args[0]?.callback === "function") {
      const cb = args[0].callback;
      args[0].callback = (err: Any, res: Any) => cb(err, fixFields(res));
    }
    const r = (super.query as Any)(...args);
    return typeof r?.then === "function" ? r.then(fixFields) : r;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () =>
    new PrismaPg({
      connectionString: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/nestling",
      Client: CatalogAsTextClient,
      allowExitOnIdle: true,
      idleTimeoutMillis: 100,
    } as Any),
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
