/**
 * Delivery accounting for bench/realtime: which sockets must receive each event, when it was
 * sent, and what actually arrived (latency per receipt, duplicates, receipts nobody expected).
 * Pure: times are passed in, so the same code counts the realtime run and the Redis floor.
 */
export type TallyReport = {
  events: number;
  failedWrites: number;
  expectedDeliveries: number;
  delivered: number;
  lost: number;
  duplicated: number;
  /** Receipts of an event on a socket that should not get it (another family) or of an unknown event. */
  unexpected: number;
  /** Up to five events with a missing delivery, for the log. */
  lostSamples: string[];
};

type Pending = { sentAt: number; writer: number | undefined; expected: Set<number>; got: Set<number>; failed: boolean };

export class DeliveryTally {
  private readonly pending = new Map<string, Pending>();
  /** Send → receipt, ms, on the sockets other than the writer's. */
  readonly latencies: number[] = [];
  /** Send → receipt on the writer's own socket(s). */
  readonly writerLatencies: number[] = [];
  private duplicated = 0;
  private unexpected = 0;
  private lastReceiptAt = -Infinity;

  /** Call before sending, so that a receipt that beats the write's response is still matched. */
  expect(key: string, { sentAt, sockets, writer }: { sentAt: number; sockets: number[]; writer?: number }): void {
    this.pending.set(key, { sentAt, writer, expected: new Set(sockets), got: new Set(), failed: false });
  }

  /** The write failed: its event is not expected anywhere (a receipt of it still counts as unexpected). */
  fail(key: string): void {
    const entry = this.pending.get(key);
    if (entry) entry.failed = true;
  }

  receive(key: string, socket: number, at: number): void {
    const entry = this.pending.get(key);
    if (!entry || entry.failed || !entry.expected.has(socket)) {
      this.unexpected += 1;
      return;
    }
    if (entry.got.has(socket)) {
      this.duplicated += 1;
      return;
    }
    entry.got.add(socket);
    this.lastReceiptAt = Math.max(this.lastReceiptAt, at);
    (socket === entry.writer ? this.writerLatencies : this.latencies).push(at - entry.sentAt);
  }

  /** Deliveries still missing (0 once everything arrived). */
  outstanding(): number {
    let missing = 0;
    for (const entry of this.pending.values()) if (!entry.failed) missing += entry.expected.size - entry.got.size;
    return missing;
  }

  /** The time of the last first-receipt, to compute the delivery window. */
  lastReceipt(): number {
    return this.lastReceiptAt;
  }

  report(): TallyReport {
    let events = 0;
    let failedWrites = 0;
    let expectedDeliveries = 0;
    let delivered = 0;
    const lostSamples: string[] = [];
    for (const [key, entry] of this.pending) {
      if (entry.failed) {
        failedWrites += 1;
        continue;
      }
      events += 1;
      expectedDeliveries += entry.expected.size;
      delivered += entry.got.size;
      if (entry.got.size < entry.expected.size && lostSamples.length < 5)
        lostSamples.push(`${key}: ${entry.got.size}/${entry.expected.size} sockets`);
    }
    return {
      events,
      failedWrites,
      expectedDeliveries,
      delivered,
      lost: expectedDeliveries - delivered,
      duplicated: this.duplicated,
      unexpected: this.unexpected,
      lostSamples,
    };
  }
}

/** Socket indexes of family `family` (members are numbered family × size + member) and the instance each uses (alternating). */
export function familySockets(family: number, membersPerFamily: number): number[] {
  return Array.from({ length: membersPerFamily }, (_, member) => family * membersPerFamily + member);
}

export const instanceOf = (socket: number, instances: number) => socket % instances;

/** Send times (ms from start) of a steady `rate` per second for `durationSec`. */
export function steadySchedule(rate: number, durationSec: number): number[] {
  const count = Math.floor(rate * durationSec);
  return Array.from({ length: count }, (_, i) => (i * 1000) / rate);
}
