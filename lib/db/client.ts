import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { env } from "@/lib/config/env";

const globalForDb = globalThis as unknown as { nestlingDb?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: env().DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter });
}

/** The one Prisma client of the process (reused across hot reloads in development). */
export const db: PrismaClient = globalForDb.nestlingDb ?? createClient();
globalForDb.nestlingDb = db;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export { Prisma } from "./generated/client";
export type * from "./generated/client";
