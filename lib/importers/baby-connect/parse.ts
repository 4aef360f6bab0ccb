import { zonedInstant } from "@/lib/time/zoned";
import { headerKey, parseCsv } from "../csv";

/**
 * Baby Connect's CSV export (one file, newest row first; see ../shared/data/exports/FORMATS.md):
 * `Date and Time,End Time,Duration (min),Activity,Quantity,Extra data,Text,Notes,Caregiver`.
 * Times are the device's wall clock (`12/12/20 7:47 PM`), read in the child's zone. Imperial
 * units become SI (ml, g, mm). Rows become activity inputs without a child id; rows that cannot
 * be mapped are reported with their line number and a reason code, never silently dropped.
 */

export type ImportedActivity = {
  type: "feeding" | "sleep" | "diaper" | "growth" | "tummy_time" | "note";
  startedAt: string;
  endedAt: string | null;
  details: Record<string, unknown>;
  notes: string | null;
  /** 1-based line in the file, for error reports and de-duplication. */
  line: number;
};
export type SkippedRow = { line: number; reason: "bad_time" | "no_amount" | "unknown_activity" | "bad_value" };
export type ParseResult = { entries: ImportedActivity[]; skipped: SkippedRow[] };

const ML_PER_OZ = 29.5735;
const G_PER_LB = 453.592;
const MM_PER_INCH = 25.4;
const G_PER_TSP = 5;
const G_PER_OZ = 28.3495;

const COLUMNS = {
  start: "dateandtime",
  end: "endtime",
  activity: "activity",
  quantity: "quantity",
  extra: "extradata",
  text: "text",
  notes: "notes",
} as const;

const TIME = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})\s*([AP]M)$/i;

/** `12/12/20 7:47 PM` (M/D/YY, 12-hour) on the wall clock of `timeZone` → ISO instant. */
export function parseBabyConnectTime(value: string, timeZone: string): string | null {
  const m = TIME.exec(value.trim().replace(/\u202f/g, " "));
  if (!m) return null;
  const [month, day, hour12, minute] = [Number(m[1]), Number(m[2]), Number(m[4]), Number(m[5])];
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour12 < 1 || hour12 > 12 || minute > 59) return null;
  const hour = (hour12 % 12) + (m[6].toUpperCase() === "PM" ? 12 : 0);
  return zonedInstant(timeZone, year, month, day, hour, minute).toISOString();
}

const minutesOf = (h?: string, m?: string) => (h ? Number(h) * 60 : 0) + (m ? Number(m) : 0);

/** "Eva nursed (11m left, 7m right)", "(1h2m right)", "(5m)" → seconds per side when named. */
export function parseNursingSides(text: string): { leftSeconds?: number; rightSeconds?: number; lastSide?: "left" | "right" } {
  const out: { leftSeconds?: number; rightSeconds?: number; lastSide?: "left" | "right" } = {};
  for (const m of text.matchAll(/(?:(\d+)h)?(\d+)m\s+(left|right)/gi)) {
    const side = m[3].toLowerCase() as "left" | "right";
    out[side === "left" ? "leftSeconds" : "rightSeconds"] = minutesOf(m[1], m[2]) * 60;
    out.lastSide = side;
  }
  return out;
}

const num = (value: string) => {
  const n = Number(value.replace(/,/g, "").trim());
  return value.trim() !== "" && Number.isFinite(n) ? n : null;
};

function solidsOf(text: string, notes: string) {
  const m = /ate\s+(.+?):\s*([\d.]+)\s*(tsp|tbsp|oz|g)\b/i.exec(text);
  const food = notes.trim() || (m ? m[1].trim() : "") || "food";
  const amount = m ? Number(m[2]) * ({ tsp: G_PER_TSP, tbsp: 3 * G_PER_TSP, oz: G_PER_OZ, g: 1 }[m[3].toLowerCase()] ?? 1) : undefined;
  return { method: "solids", foods: [food.slice(0, 60)], ...(amount ? { amountG: Math.round(amount) } : {}) };
}

/** Parse a whole export. `timeZone` is the child's IANA zone (the file carries none). */
export function parseBabyConnect(text: string, { timeZone }: { timeZone: string }): ParseResult {
  const [header, ...rows] = parseCsv(text);
  const index = new Map((header ?? []).map((h, i) => [headerKey(h), i]));
  const col = (row: string[], name: keyof typeof COLUMNS) => row[index.get(COLUMNS[name]) ?? -1]?.trim() ?? "";
  const entries: ImportedActivity[] = [];
  const skipped: SkippedRow[] = [];

  rows.forEach((row, i) => {
    const line = i + 2;
    const skip = (reason: SkippedRow["reason"]) => skipped.push({ line, reason });
    const startedAt = parseBabyConnectTime(col(row, "start"), timeZone);
    const endText = col(row, "end");
    const endedAt = endText ? parseBabyConnectTime(endText, timeZone) : null;
    if (!startedAt || (endText && !endedAt)) return skip("bad_time");
    const [text, notes] = [col(row, "text"), col(row, "notes")];
    const quantity = num(col(row, "quantity"));
    const unit = col(row, "extra").toLowerCase();
    const base = { startedAt, endedAt, notes: notes || null, line };
    switch (col(row, "activity").toLowerCase()) {
      case "sleep":
        return entries.push({ ...base, type: "sleep", details: {} });
      case "nursing":
        return entries.push({ ...base, type: "feeding", details: { method: "breast", ...parseNursingSides(text) } });
      case "bottle":
        if (!quantity || quantity <= 0) return skip("no_amount");
        return entries.push({
          ...base,
          type: "feeding",
          details: { method: "bottle", amountMl: Math.round(quantity * ML_PER_OZ), milk: unit === "formula" ? "formula" : "breast_milk" },
        });
      case "solid":
        return entries.push({ ...base, type: "feeding", notes: null, details: solidsOf(text, notes) });
      case "weight":
        if (!quantity) return skip("bad_value");
        return entries.push({
          ...base,
          type: "growth",
          details: { weightGrams: Math.round(quantity * (unit === "kg" ? 1000 : G_PER_LB)) },
        });
      case "height":
        if (!quantity) return skip("bad_value");
        return entries.push({ ...base, type: "growth", details: { lengthMm: Math.round(quantity * (unit === "cm" ? 10 : MM_PER_INCH)) } });
      case "head size":
        if (!quantity) return skip("bad_value");
        return entries.push({ ...base, type: "growth", details: { headMm: Math.round(quantity * (unit === "cm" ? 10 : MM_PER_INCH)) } });
      case "diaper": {
        const wet = /wet|pee/i.test(text);
        const dirty = /bm|dirty|poo/i.test(text);
        return entries.push({ ...base, type: "diaper", details: { wet: wet || !dirty, dirty } });
      }
      case "activity":
        if (/tummy/i.test(text)) return entries.push({ ...base, type: "tummy_time", details: {} });
        return entries.push({ ...base, type: "note", details: { text: text || "activity" } });
      case "milestone":
      case "doctor visit":
        return entries.push({
          ...base,
          endedAt: null,
          type: "note",
          details: { text: [text, notes].filter(Boolean).join(" — ").slice(0, 2000) || "note" },
        });
      default:
        return skip("unknown_activity");
    }
  });
  // The export is newest first; entries come back oldest first.
  entries.sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || b.line - a.line);
  return { entries, skipped };
}
