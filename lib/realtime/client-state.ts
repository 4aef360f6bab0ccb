import type { FamilyEvent } from "@/lib/events/schema";

/**
 * What a realtime client remembers between messages: the last seq it applied per family. Pure, so
 * the browser provider, tests and the bench share one set of rules:
 * - a seq at or below the last one is a duplicate (catch-up overlapping live events) → drop;
 * - the next seq → apply;
 * - a jump past the next seq means events went missing → apply, but reload that family's state;
 * - `resync` or a `caught_up` ahead of what we applied → reload, and continue from the server's seq.
 */
export type ClientSeqs = Readonly<Record<string, number>>;

export type EventOutcome = "apply" | "duplicate" | "gap";

export type Step<T> = { seqs: ClientSeqs; outcome: T };

/** The first event of a family we have no seq for is applied as is: it starts the sequence. */
export function applyEvent(seqs: ClientSeqs, event: Pick<FamilyEvent, "familyId" | "seq">): Step<EventOutcome> {
  const last = seqs[event.familyId];
  if (last !== undefined && event.seq <= last) return { seqs, outcome: "duplicate" };
  const outcome: EventOutcome = last === undefined || event.seq === last + 1 ? "apply" : "gap";
  return { seqs: { ...seqs, [event.familyId]: event.seq }, outcome };
}

/** `caught_up`: the server has sent everything up to `seq`; anything we lack below it is a gap. */
export function applyCaughtUp(seqs: ClientSeqs, notice: { familyId: string; seq: number }): Step<"ok" | "gap"> {
  const last = seqs[notice.familyId];
  if (last !== undefined && last >= notice.seq) return { seqs, outcome: "ok" };
  // No seq yet: this is our baseline. The page was rendered from the database after or before it;
  // the refresh on connect covers the difference.
  if (last === undefined) return { seqs: { ...seqs, [notice.familyId]: notice.seq }, outcome: "ok" };
  return { seqs: { ...seqs, [notice.familyId]: notice.seq }, outcome: "gap" };
}

/** `resync`: too far behind to replay; reload, then continue live from the server's seq. */
export function applyResync(seqs: ClientSeqs, notice: { familyId: string; seq: number }): ClientSeqs {
  return { ...seqs, [notice.familyId]: notice.seq };
}

/** `family:left`: forget the family, so a later reconnect does not ask to catch it up. */
export function forgetFamily(seqs: ClientSeqs, familyId: string): ClientSeqs {
  if (!(familyId in seqs)) return seqs;
  const { [familyId]: _left, ...rest } = seqs;
  return rest;
}

/** The handshake's `since`: every family we hold a seq for (omitted ones start live). */
export function sinceMap(seqs: ClientSeqs): Record<string, number> | undefined {
  return Object.keys(seqs).length > 0 ? { ...seqs } : undefined;
}

/**
 * When to send `auth:refresh`: a minute before expiry, or at two thirds of what is left when that
 * is under three minutes (short-lived test tokens); never sooner than a second, so a clock that is
 * off cannot spin the refresh.
 */
export function refreshDelayMs(expiresAt: string, now = Date.now()): number {
  const left = Date.parse(expiresAt) - now;
  if (!Number.isFinite(left)) return 1_000;
  return Math.max(1_000, left > 180_000 ? left - 60_000 : Math.floor((left * 2) / 3));
}

/**
 * The pages (locale-less pathnames) that follow the family live. Not the forms: re-rendering an edit form would move its
 * hidden version under the person typing, and their save would silently overwrite the other one
 * instead of being refused as a conflict.
 */
export function followsLive(pathname: string): boolean {
  return pathname === "/" || /^\/(timeline|dashboard|timers)(\/|$)/.test(pathname);
}
