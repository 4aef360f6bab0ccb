import type { FamilyEvent } from "@/lib/events/schema";

/** Families whose deletion leaves documents behind in the document store. */
export function familiesToPurge(events: FamilyEvent[]): string[] {
  return [...new Set(events.filter((e) => e.type === "family.deleted").map((e) => e.familyId))];
}

/** The children whose analytics an event changes: activity writes and stopped timers. */
export function childrenToRefresh(events: FamilyEvent[]): { familyId: string; childId: string }[] {
  const seen = new Map<string, { familyId: string; childId: string }>();
  for (const event of events) {
    const childId = childIdOf(event);
    if (childId) seen.set(childId, { familyId: event.familyId, childId });
  }
  return [...seen.values()];
}

function childIdOf(event: FamilyEvent): string | null {
  const data = event.data as { childId?: unknown; activity?: { childId?: unknown }; timer?: { childId?: unknown } };
  let id: unknown = null;
  if (event.type.startsWith("activity.")) id = data.activity?.childId ?? data.childId;
  else if (event.type === "timer.stopped") id = data.timer?.childId;
  return typeof id === "string" ? id : null;
}
