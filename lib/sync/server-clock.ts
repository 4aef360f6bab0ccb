import { randomBytes } from "node:crypto";
import { HybridClock } from "./hlc";

/**
 * This server process's hybrid logical clock. REST writes stamp the fields they change with it,
 * and it receives every applied op's stamp, so a later REST edit sorts after the offline edits
 * it could have seen. Each process is its own node.
 */
const globalForClock = globalThis as unknown as { nestlingClock?: HybridClock };

export const serverClock: HybridClock = globalForClock.nestlingClock ?? new HybridClock(`srv-${randomBytes(4).toString("hex")}`);
globalForClock.nestlingClock = serverClock;
