import { zonedInstant } from "@/lib/time/zoned";
import type { AnalyticsEntry } from "./types";

/** Builders for the analytics tests: entries in a given zone, numbered ids. */
export function entryBuilder(timeZone: string) {
  let n = 0;
  const id = () => `e${++n}`;
  const at = (y: number, m: number, d: number, h: number, min = 0) => zonedInstant(timeZone, y, m, d, h, min).toISOString();
  const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
  return {
    at,
    plus,
    bottle: (startedAt: string, amountMl = 100): AnalyticsEntry => ({
      id: id(),
      type: "feeding",
      startedAt,
      endedAt: null,
      details: { method: "bottle", amountMl, milk: "formula" },
    }),
    breast: (startedAt: string, leftSeconds: number, rightSeconds: number): AnalyticsEntry => ({
      id: id(),
      type: "feeding",
      startedAt,
      endedAt: null,
      details: { method: "breast", leftSeconds, rightSeconds },
    }),
    sleep: (startedAt: string, endedAt: string | null): AnalyticsEntry => ({ id: id(), type: "sleep", startedAt, endedAt, details: {} }),
    diaper: (startedAt: string, wet: boolean, dirty = false): AnalyticsEntry => ({
      id: id(),
      type: "diaper",
      startedAt,
      endedAt: null,
      details: { wet, dirty },
    }),
    weight: (startedAt: string, weightGrams: number): AnalyticsEntry => ({
      id: id(),
      type: "growth",
      startedAt,
      endedAt: null,
      details: { weightGrams },
    }),
    temperature: (startedAt: string, celsius: number): AnalyticsEntry => ({
      id: id(),
      type: "temperature",
      startedAt,
      endedAt: null,
      details: { celsius },
    }),
  };
}
