/**
 * Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds, a counter for events within
 * the same millisecond (or while the wall clock lags a clock already seen), and the id of the
 * node that made the stamp. Pure: the caller passes the physical time, so the same code runs on
 * the server, in the browser and in tests.
 *
 * Encoding `WWWWWWWWWWWWW-CCCCC-node`: 13-digit wall ms and a 5-digit counter, zero-padded, so
 * comparing the strings compares the clocks; equal wall and counter fall to the node id.
 */

export type Hlc = { wall: number; counter: number; node: string };

const WALL_DIGITS = 13;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
const NODE = /^[A-Za-z0-9_.:-]{1,64}$/;
/** A stamp as the API accepts it. */
export const HLC_PATTERN = /^\d{13}-\d{5}-[A-Za-z0-9_.:-]{1,64}$/;

export function encodeHlc({ wall, counter, node }: Hlc): string {
  if (!Number.isSafeInteger(wall) || wall < 0 || wall >= 10 ** WALL_DIGITS) throw new RangeError(`hlc wall out of range: ${wall}`);
  if (!Number.isInteger(counter) || counter < 0 || counter > MAX_COUNTER) throw new RangeError(`hlc counter out of range: ${counter}`);
  if (!NODE.test(node)) throw new RangeError(`hlc node id invalid: ${node}`);
  return `${String(wall).padStart(WALL_DIGITS, "0")}-${String(counter).padStart(COUNTER_DIGITS, "0")}-${node}`;
}

export function decodeHlc(stamp: string): Hlc {
  if (!HLC_PATTERN.test(stamp)) throw new RangeError(`not an hlc: ${stamp}`);
  return {
    wall: Number(stamp.slice(0, WALL_DIGITS)),
    counter: Number(stamp.slice(WALL_DIGITS + 1, WALL_DIGITS + 1 + COUNTER_DIGITS)),
    node: stamp.slice(WALL_DIGITS + COUNTER_DIGITS + 2),
  };
}

export function isHlc(value: unknown): value is string {
  return typeof value === "string" && HLC_PATTERN.test(value);
}

/** Total order of encoded stamps; a missing stamp (null/undefined/"") is older than every stamp. */
export function compareHlc(a: string | null | undefined, b: string | null | undefined): number {
  const x = a || "";
  const y = b || "";
  return x < y ? -1 : x > y ? 1 : 0;
}

export function maxHlc(a: string | null | undefined, b: string | null | undefined): string | null {
  const winner = compareHlc(a, b) >= 0 ? a : b;
  return winner || null;
}

/** A local event or a send: advances past both the last stamp and the physical clock. */
export function tickHlc(last: Hlc, physicalMs: number): Hlc {
  if (physicalMs > last.wall) return { wall: physicalMs, counter: 0, node: last.node };
  return bump({ wall: last.wall, counter: last.counter + 1, node: last.node });
}

/** A receive: the result is later than the local clock, the remote stamp and the physical clock. */
export function receiveHlc(last: Hlc, remote: Hlc, physicalMs: number): Hlc {
  const wall = Math.max(last.wall, remote.wall, physicalMs);
  let counter = 0;
  if (wall === last.wall && wall === remote.wall) counter = Math.max(last.counter, remote.counter) + 1;
  else if (wall === last.wall) counter = last.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  return bump({ wall, counter, node: last.node });
}

/** Counter overflow (100,000 events in one millisecond) borrows the next millisecond. */
function bump(h: Hlc): Hlc {
  return h.counter > MAX_COUNTER ? { wall: h.wall + 1, counter: 0, node: h.node } : h;
}

/**
 * A node's clock: `now()` stamps a local event, `receive()` merges a stamp seen from elsewhere
 * (an op from a device, a change from the server) so that later local stamps sort after it.
 */
export class HybridClock {
  private last: Hlc;

  constructor(
    readonly node: string,
    private readonly physical: () => number = Date.now,
    last?: string | null,
  ) {
    if (!NODE.test(node)) throw new RangeError(`hlc node id invalid: ${node}`);
    this.last = last ? { ...decodeHlc(last), node } : { wall: 0, counter: 0, node };
  }

  now(): string {
    this.last = tickHlc(this.last, this.physical());
    return encodeHlc(this.last);
  }

  receive(remote: string): string {
    this.last = receiveHlc(this.last, decodeHlc(remote), this.physical());
    return encodeHlc(this.last);
  }

  /** The last stamp issued or received (to persist on the device). */
  peek(): string {
    return encodeHlc(this.last);
  }
}
