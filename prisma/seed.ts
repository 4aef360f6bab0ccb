/**
 * `npm run seed`: the demo family (see prisma/seed/demo-family.ts) in the database at
 * DATABASE_URL, through the domain services. Idempotent. `--if-missing` leaves a finished demo
 * family untouched (what `npm run demo` uses).
 */
import { db } from "@/lib/db/client";
import { redis } from "@/lib/redis/client";
import { closeQueues } from "@/lib/queue/connection";
import { seedDemoFamily } from "./seed/seed-demo-family";

async function main() {
  const started = performance.now();
  const result = await seedDemoFamily({ ifMissing: process.argv.includes("--if-missing") });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status === "exists") console.log(`Demo family already seeded (family ${result.familyId}).`);
  else
    console.log(
      `Demo family seeded in ${seconds} s: ${result.entries.created} of ${result.entries.total} entries created (child ${result.childId}).`,
    );
}

main()
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    // Seeding goes through the services, which enqueue follow-up jobs: close those connections too.
    await closeQueues();
    await db.$disconnect();
    redis.disconnect();
  });
