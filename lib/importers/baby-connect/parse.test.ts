import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createActivitySchema } from "@/lib/activities/schema";
import { parseBabyConnect, parseBabyConnectTime, parseNursingSides } from "./parse";

const HEADER = "Date and Time,End Time,Duration (min),Activity,Quantity,Extra data,Text,Notes,Caregiver";
const ZONE = "America/Los_Angeles";
/** The real export (CC0) lives beside the project, as in CI; a few of its rows are copied below too. */
const EVA = path.resolve(process.cwd(), "../shared/data/exports/baby-connect/eva.csv");
const SAMPLE = [
  HEADER,
  "12/12/20 7:47 PM,12/13/20 7:20 AM,693,Sleep,,,Eva slept in her crib (11h33m),,A",
  "12/12/20 7:05 PM,12/12/20 7:36 PM,30,Bottle,8.2,Formula,Eva drank 8.2 oz of formula (30m),,U",
  "7/20/20 10:00 AM,,,Solid,,,Eva ate veggies: 5 tsp,Squash,A",
  "6/20/20 8:25 AM,,,Weight,15.84,lbs,Eva's weight: 15.84 lbs,,A",
  '6/20/20 8:25 AM,,,Height,26.8,inch,"Eva\'s height: 2 ft, 2.8 in",,A',
  "6/20/20 8:26 AM,,,Head Size,17.25,inch,Eva's head size: 17.25 in,,A",
  "12/26/19 10:08 AM,12/26/19 10:35 AM,27,Activity,,,Eva is doing tummy time (27m),,U",
  "12/21/19 10:15 AM,,,Doctor Visit,,,Doctor,All good,U",
  '12/20/19 12:05 AM,12/20/19 12:23 AM,18,Nursing,,,"Eva nursed (11m left, 7m right)",,U',
  "12/20/19 1:11 AM,,,Sleep,,,Eva slept,,U",
].join("\r\n");

describe("parseBabyConnectTime", () => {
  it("reads M/D/YY h:mm AM/PM on the child's wall clock", () => {
    expect(parseBabyConnectTime("12/12/20 7:47 PM", ZONE)).toBe("2020-12-13T03:47:00.000Z");
    expect(parseBabyConnectTime("12/20/19 12:05 AM", ZONE)).toBe("2019-12-20T08:05:00.000Z");
    expect(parseBabyConnectTime("7/1/20 12:30 PM", "UTC")).toBe("2020-07-01T12:30:00.000Z");
    expect(parseBabyConnectTime("13/1/20 1:00 PM", ZONE)).toBeNull();
    expect(parseBabyConnectTime("yesterday", ZONE)).toBeNull();
  });
});

describe("parseNursingSides", () => {
  it("takes minutes per side from the text, the side named last as the last side", () => {
    expect(parseNursingSides("Eva nursed (11m left, 7m right)")).toEqual({ leftSeconds: 660, rightSeconds: 420, lastSide: "right" });
    expect(parseNursingSides("Eva nursed (1h2m right)")).toEqual({ rightSeconds: 3720, lastSide: "right" });
    expect(parseNursingSides("Eva nursed (5m)")).toEqual({});
  });
});

describe("parseBabyConnect", () => {
  it("maps every kind of row to an activity in SI units, oldest first, each valid for the activity schema", () => {
    const { entries, skipped } = parseBabyConnect(SAMPLE, { timeZone: ZONE });
    expect(skipped).toEqual([]);
    expect(entries.map((e) => e.type)).toEqual([
      "feeding",
      "sleep",
      "note",
      "tummy_time",
      "growth",
      "growth",
      "growth",
      "feeding",
      "feeding",
      "sleep",
    ]);
    const byLine = new Map(entries.map((e) => [e.line, e]));
    expect(byLine.get(2)).toMatchObject({ type: "sleep", startedAt: "2020-12-13T03:47:00.000Z", endedAt: "2020-12-13T15:20:00.000Z" });
    expect(byLine.get(3)?.details).toEqual({ method: "bottle", amountMl: 243, milk: "formula" });
    expect(byLine.get(4)?.details).toEqual({ method: "solids", foods: ["Squash"], amountG: 25 });
    expect(byLine.get(5)?.details).toEqual({ weightGrams: 7185 });
    expect(byLine.get(6)?.details).toEqual({ lengthMm: 681 });
    expect(byLine.get(7)?.details).toEqual({ headMm: 438 });
    expect(byLine.get(9)).toMatchObject({ type: "note", details: { text: "Doctor — All good" }, notes: "All good" });
    expect(byLine.get(11)).toMatchObject({ type: "sleep", endedAt: null });
    for (const e of entries) {
      const { line, ...input } = e;
      const result = createActivitySchema.safeParse({ ...input, childId: "5b0c7c1e-9d59-4d69-9a43-2f3e8f9a1c11" });
      expect(result.success, `line ${line}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
  });

  it("reports rows it cannot map with their line and a reason", () => {
    const text = [
      HEADER,
      "12/12/20 7:05 PM,,,Bottle,,Formula,Eva drank,,U",
      "99/12/20 7:05 PM,,,Sleep,,,x,,U",
      "12/12/20 7:05 PM,,,Bath,,,x,,U",
    ].join("\n");
    expect(parseBabyConnect(text, { timeZone: ZONE })).toEqual({
      entries: [],
      skipped: [
        { line: 2, reason: "no_amount" },
        { line: 3, reason: "bad_time" },
        { line: 4, reason: "unknown_activity" },
      ],
    });
  });

  it("reads the whole real export (Eva's first year) without a skipped row", () => {
    const { entries, skipped } = parseBabyConnect(readFileSync(EVA, "utf8"), { timeZone: ZONE });
    expect(skipped).toEqual([]);
    const count = (pred: (e: (typeof entries)[number]) => boolean) => entries.filter(pred).length;
    expect(entries.length).toBe(4207);
    expect(count((e) => e.type === "sleep")).toBe(1859);
    expect(count((e) => e.details.method === "bottle")).toBe(1331);
    expect(count((e) => e.details.method === "breast")).toBe(986);
    expect(count((e) => e.details.method === "solids")).toBe(10);
    expect(count((e) => e.type === "growth")).toBe(17);
    expect(entries[0].startedAt < entries[entries.length - 1].startedAt).toBe(true);
  });
});
