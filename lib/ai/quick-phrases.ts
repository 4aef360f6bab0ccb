import { normalizeText } from "./normalize";
import { zonedInstant, wallClock } from "@/lib/time/zoned";

/**
 * Quick phrases said or typed to the assistant ("bottle 120 ml at 3 pm", "diaper wet and dirty",
 * "biberón de 120 ml a las 15:00", "Windel nass und voll") turned into a DRAFT entry the parent
 * confirms before it is saved. Pure; en, es, fr, de, pt-BR (and the numbers of any language).
 */
export type QuickDraft = { type: "feeding" | "diaper" | "temperature"; startedAt: string; details: Record<string, unknown> };

const any = (words: string) => new RegExp(`(?<!\\p{L})(?:${words})(?!\\p{L})`, "u");
const BOTTLE = any("bottle|biberon|mamadeira|flasche|flaschchen|flaschen|زجاجه|رضاعه صناعيه");
const DIAPER = any("diaper|nappy|panal|couche|windel|fralda|حفاض");
const WET = any("wet|pee|mojado|mojada|pis|pipi|mouillee?|nass|molhad[ao]|xixi|مبلل");
const DIRTY = any("dirty|poop|poopy|sucio|sucia|caca|popo|sale|selles|voll|schmutzig|kacka|suj[ao]|coco|متسخ|براز");
const BREAST_MILK = any("breast ?milk|leche materna|lait maternel|muttermilch|leite materno|حليب الام");
const MIXED = any("mixed|mixta|mixte|gemischt|mista");
const TEMPERATURE = any("temp|temperature|temperatura|fieber|fever|fiebre|fievre|febre|حراره");
const QUESTION =
  /\?|¿|(^|\s)(how|when|what|which|is|are|did|cuanto|cuantos|cuantas|cuando|que|combien|quand|est-ce|wie|wann|ist|quanto|quantos|quando|كم|متى|متي|هل)(\s|$)/u;

const OZ_ML = 29.5735;

/** "at 3 pm", "15:30", "a las 15h", "à 15h30", "um 15 Uhr", "às 15h" → hours and minutes. */
function timeIn(text: string): { hour: number; minute: number } | null {
  const m =
    text.match(/(?<![\d.,])(\d{1,2})(?::|h|\.)(\d{2})\s*(am|pm|a\.m\.|p\.m\.)?/u) ??
    text.match(/(?<!\p{L})(?:at|a las|a la|a|as|um|vers|gegen)\s+(\d{1,2})(?!\d)\s*(?:h|uhr)?\s*(am|pm)?(?!\s*(?:ml|oz|min))/u) ??
    text.match(/(?<![\d.,])(\d{1,2})\s*(am|pm|h\b|uhr)/u);
  if (!m) return null;
  let hour = Number(m[1]);
  const minute = m[2] && /^\d+$/.test(m[2]) ? Number(m[2]) : 0;
  const suffix = (m[3] ?? (m[2] && !/^\d+$/.test(m[2]) ? m[2] : "")).replace(/\./g, "");
  if (suffix === "pm" && hour < 12) hour += 12;
  if (suffix === "am" && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return null;
  return { hour, minute };
}

/** The named time today in the child's zone, or yesterday when that is still ahead. */
function instantOf(text: string, now: Date, timeZone: string): string {
  const t = timeIn(text);
  if (!t) return now.toISOString();
  const w = wallClock(now, timeZone);
  let at = zonedInstant(timeZone, w.year, w.month, w.day, t.hour, t.minute);
  if (at.getTime() > now.getTime() + 5 * 60_000) at = new Date(at.getTime() - 86_400_000);
  return at.toISOString();
}

export function parseQuickPhrase(text: string, { now, timeZone }: { now: Date; timeZone: string }): QuickDraft | null {
  const t = normalizeText(text);
  if (!t || t.length > 200 || QUESTION.test(t)) return null;
  const startedAt = instantOf(t, now, timeZone);
  const amount = t.match(/(\d+(?:[.,]\d+)?)\s*(ml|oz)(?!\p{L})/u);
  if (BOTTLE.test(t) || (amount && !TEMPERATURE.test(t))) {
    if (!amount) return null;
    const value = Number(amount[1].replace(",", "."));
    const ml = Math.round(amount[2] === "oz" ? value * OZ_ML : value);
    if (ml <= 0 || ml > 500) return null;
    const milk = BREAST_MILK.test(t) ? "breast_milk" : MIXED.test(t) ? "mixed" : "formula";
    return { type: "feeding", startedAt, details: { method: "bottle", amountMl: ml, milk } };
  }
  if (DIAPER.test(t)) {
    const wet = WET.test(t);
    const dirty = DIRTY.test(t);
    return { type: "diaper", startedAt, details: { wet: wet || !dirty, dirty } };
  }
  if (TEMPERATURE.test(t)) {
    const c = t.match(/(\d{2,3}(?:[.,]\d)?)\s*(?:°|º)?\s*(c|f)?(?!\p{L})/u);
    if (!c) return null;
    let celsius = Number(c[1].replace(",", "."));
    if (c[2] === "f" || celsius > 50) celsius = Math.round((((celsius - 32) * 5) / 9) * 10) / 10;
    if (celsius < 30 || celsius > 45) return null;
    return { type: "temperature", startedAt, details: { celsius } };
  }
  return null;
}
