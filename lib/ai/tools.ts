import { tool, type ToolSet } from "ai";
import { z } from "zod";
import { activityTypes, createActivitySchema } from "@/lib/activities/schema";
import { dailyTotals } from "@/lib/analytics/totals";
import { dayRangeOf } from "@/lib/analytics/day-range";
import { DAY_MS } from "@/lib/analytics/types";
import { citeEntry, type CitedEntry } from "./ui-message";
import type { ChildData, Entry } from "./child-data";

const MAX_ENTRIES = 200;
const MAX_SUMMARY_DAYS = 31;
const isoDate = z.iso.date();

/** An entry for a tool result: the cited fields plus its note, marked as the family's data. */
export function toolEntry(e: Entry): CitedEntry & { note?: string } {
  return { ...citeEntry(e), ...(e.notes ? { note: e.notes.slice(0, 300) } : {}) };
}

/** Daily totals of `from`…`to` (dates in the child's zone, days from the user's day-start hour). */
export async function dailySummary(data: ChildData, from: string, to: string) {
  const { timezone } = data.child;
  const start = dayRangeOf(from, timezone, data.dayStartHour).start;
  const end = dayRangeOf(to, timezone, data.dayStartHour).end;
  const entries = await data.activities({ from: new Date(start.getTime() - DAY_MS), to: end });
  const days = dailyTotals({ entries, timeZone: timezone, dayStartHour: data.dayStartHour, from, to, now: data.now });
  const cited = entries.filter((e) => Date.parse(e.startedAt) >= start.getTime());
  return { days, entryIds: cited.map((e) => e.id).slice(0, MAX_ENTRIES) };
}

/**
 * The model's tools, built per request over the actor's ChildData (so they close over who asks
 * and about which child). Results carry entry ids for citations; logActivity only drafts.
 */
export function createChatTools(data: ChildData): ToolSet {
  return {
    getActivities: tool({
      description: "The child's logged entries of one type (or all) between two ISO instants, oldest first, with their ids.",
      inputSchema: z.object({
        type: z.enum(activityTypes).optional(),
        from: z.iso.datetime({ offset: true }),
        to: z.iso.datetime({ offset: true }),
      }),
      execute: async ({ type, from, to }) => {
        const rows = await data.activities({ type, from: new Date(from), to: new Date(to) });
        return { entries: rows.slice(-MAX_ENTRIES).map(toolEntry), truncated: rows.length > MAX_ENTRIES };
      },
    }),
    getDailySummary: tool({
      description:
        "Per-day totals (feeds, ml, breast minutes per side, sleep minutes, naps, diapers) for dates YYYY-MM-DD, at most 31 days.",
      inputSchema: z.object({ from: isoDate, to: isoDate }),
      execute: async ({ from, to }) => {
        const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
        if (days < 1 || days > MAX_SUMMARY_DAYS) return { error: `Choose 1 to ${MAX_SUMMARY_DAYS} days.` };
        return dailySummary(data, from, to);
      },
    }),
    getPredictions: tool({
      description: "The predicted next feed and next sleep (time and 80% interval), or null without enough data.",
      inputSchema: z.object({}),
      execute: async () => data.predictions(),
    }),
    getGrowth: tool({
      description: "The latest growth measurements with WHO z-scores and percentiles (entry ids are the growth entries).",
      inputSchema: z.object({}),
      execute: async () => ({ measurements: (await data.growth()).slice(-5) }),
    }),
    logActivity: tool({
      description:
        "Drafts an entry for the user to confirm in the app. It does NOT save anything: tell the user to review and save the draft.",
      inputSchema: z.object({
        type: z.enum(activityTypes),
        startedAt: z.iso.datetime({ offset: true }).optional(),
        endedAt: z.iso.datetime({ offset: true }).nullable().optional(),
        details: z.record(z.string(), z.unknown()),
      }),
      execute: async (input) => draftActivity(data, input),
    }),
  };
}

/** Validates a drafted entry like the activity service would, without writing it. */
export function draftActivity(
  data: ChildData,
  input: { type: string; startedAt?: string; endedAt?: string | null; details: Record<string, unknown> },
) {
  const entry = {
    childId: data.child.id,
    type: input.type,
    startedAt: input.startedAt ?? data.now.toISOString(),
    endedAt: input.endedAt,
    details: input.details,
  };
  const parsed = createActivitySchema.safeParse(entry);
  if (!parsed.success) return { draft: null, error: "invalid", issues: parsed.error.issues.map((i) => i.path.join(".")).slice(0, 10) };
  return { draft: parsed.data, saved: false };
}
