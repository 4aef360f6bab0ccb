import { summarizeEntry, type Translate } from "@/components/activities/entry-summary";
import type { UnitSystem } from "@/components/activities/units";
import type { ActivityDto } from "@/lib/activities/schema";

type Entry = { type: string; startedAt: string; endedAt?: string | null; details: Record<string, unknown> };

/** "Bottle · 120 ml formula": the entry's kind and its one-line summary, or just the kind when it has no details. */
export function entryLabel(entry: Entry, ctx: { t: Translate; tu: Translate; number: (n: number) => string; units: UnitSystem }): string {
  const dto = { ...entry, endedAt: entry.endedAt ?? null } as unknown as ActivityDto;
  const kind = entry.type === "feeding" && typeof entry.details.method === "string" ? String(entry.details.method) : entry.type;
  let name: string;
  try {
    name = ctx.t(`kinds.${kind}`);
  } catch {
    name = kind;
  }
  if (!Object.keys(entry.details).length) return name;
  try {
    const summary = summarizeEntry(dto, ctx);
    return summary ? `${name} · ${summary}` : name;
  } catch {
    return name;
  }
}
