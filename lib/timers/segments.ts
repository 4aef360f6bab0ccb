import type { Segment, Side } from "./schema";

/** Pure timer arithmetic over segments (running intervals, each on one breast side or none). */
export function closeOpenSegment(segments: Segment[], at: Date): Segment[] {
  return segments.map((s) => (s.endedAt ? s : { ...s, endedAt: at.toISOString() }));
}

export function openSegment(segments: Segment[], side: Side | null, at: Date): Segment[] {
  return [...segments, { side, startedAt: at.toISOString(), endedAt: null }];
}

function seconds(s: Segment, now: Date): number {
  const end = s.endedAt ? Date.parse(s.endedAt) : now.getTime();
  return Math.max(0, Math.round((end - Date.parse(s.startedAt)) / 1000));
}

export function elapsedSeconds(segments: Segment[], now = new Date()): number {
  return segments.reduce((sum, s) => sum + seconds(s, now), 0);
}

export function secondsBySide(segments: Segment[], now = new Date()): { left: number; right: number } {
  const totals = { left: 0, right: 0 };
  for (const s of segments) if (s.side) totals[s.side] += seconds(s, now);
  return totals;
}

export function otherSide(side: Side): Side {
  return side === "left" ? "right" : "left";
}
