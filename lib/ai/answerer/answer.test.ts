import { describe, expect, it } from "vitest";
import { predictNext } from "@/lib/analytics/predictions";
import { child, data, entries, now } from "../test-family";
import { answerQuestion } from "./answer";
import { formatTime } from "./format";

const ask = async (question: string, locale: "en" | "es") => {
  const a = await answerQuestion({ question, data, locale });
  return { ...a, ids: a.citations.map((c) => c.id).sort() };
};
const ids = (...list: string[]) => [...list].sort();
const yWet = ["yd1", "yd5", "yd9", "yd13", "yd17"];

describe("built-in answerer (en and es, seeded family)", () => {
  const cases: { intent: string; en: string; es: string; expectText: (locale: "en" | "es") => RegExp; cited: string[] }[] = [
    {
      intent: "total_ml_today",
      en: "How much did she drink today?",
      es: "¿Cuánta leche tomó hoy?",
      expectText: () => /310 ml/,
      cited: ids("f1", "f3", "f4"),
    },
    {
      intent: "total_feeds_today",
      en: "How many feeds today?",
      es: "¿Cuántas tomas hoy?",
      expectText: () => /\b4\b/,
      cited: ids("f1", "f2", "f3", "f4"),
    },
    {
      intent: "total_sleep_today",
      en: "How long did he sleep today?",
      es: "¿Cuánto durmió hoy?",
      expectText: () => /3 h 45 min/,
      cited: ids("s1", "s2", "s3"),
    },
    {
      intent: "total_diapers_today",
      en: "How many diapers today?",
      es: "¿Cuántos pañales hoy?",
      expectText: () => /\b3\b.*\b2\b.*\b2\b/,
      cited: ids("d1", "d2", "d3"),
    },
    {
      intent: "total_ml_week",
      en: "How much milk did she drink this week?",
      es: "¿Cuánta leche bebió esta semana?",
      expectText: (l) =>
        new RegExp(
          `${new Intl.NumberFormat(l).format(1010)} ml.*${new Intl.NumberFormat(l, { maximumFractionDigits: 1 }).format(1010 / 7)} ml`,
        ),
      cited: ids("f1", "f3", "f4", "yf2", "yf5", "yf8", "yf11", "yf14", "yf17", "yf20"),
    },
    {
      intent: "total_feeds_week",
      en: "What is the average number of feeds this week?",
      es: "¿Promedio de tomas esta semana?",
      expectText: () => /\b11\b/,
      cited: ids("f1", "f2", "f3", "f4", "yf2", "yf5", "yf8", "yf11", "yf14", "yf17", "yf20"),
    },
    {
      intent: "last_feeds",
      en: "When was the last feed?",
      es: "¿Cuándo fue la última toma?",
      expectText: () => /2 h 30 min.*100 ml/,
      cited: ["f4"],
    },
    {
      intent: "last_diapers",
      en: "When was the last diaper?",
      es: "¿Cuándo fue el último pañal?",
      expectText: () => /1 h 30 min/,
      cited: ["d3"],
    },
    {
      intent: "last_sleep",
      en: "When did she last sleep?",
      es: "¿Cuándo fue el último sueño?",
      expectText: () => /1 h 0 min/,
      cited: ["s3"],
    },
    {
      intent: "breast_balance",
      en: "Which breast side should I start on?",
      es: "¿Qué lado del pecho toca?",
      expectText: () => /10 min.*5 min/,
      cited: ["f2"],
    },
    {
      intent: "growth",
      en: "What are her latest growth percentiles?",
      es: "¿Cuál es su último percentil de peso?",
      expectText: (l) => new RegExp(new Intl.NumberFormat(l).format(3.8)),
      cited: ["g1"],
    },
    {
      intent: "normal_wet_diapers",
      en: "Is 5 wet diapers normal at 3 weeks?",
      es: "¿Es normal 5 pañales mojados a las 3 semanas?",
      expectText: () => /\b5\b.*\b6\b/,
      cited: [],
    },
    {
      intent: "normal_wet_diapers",
      en: "Are her wet diapers normal?",
      es: "¿Son normales sus pañales mojados?",
      expectText: () => /\b5\b.*\b6\b/,
      cited: ids(...yWet),
    },
    {
      intent: "normal_feeds",
      en: "Is her number of feeds normal?",
      es: "¿Es normal su número de tomas?",
      expectText: () => /\b7\b.*8.*12/,
      cited: ids("yf2", "yf5", "yf8", "yf11", "yf14", "yf17", "yf20"),
    },
  ];

  for (const c of cases)
    for (const locale of ["en", "es"] as const)
      it(`${c.intent} (${locale}): ${c[locale]}`, async () => {
        const a = await ask(c[locale], locale);
        expect(a.intent).toBe(c.intent);
        expect(a.text).toMatch(c.expectText(locale));
        expect(a.ids).toEqual(c.cited);
      });

  it.each([
    ["en", "When is the next feed?", "next_feed"],
    ["es", "¿Cuándo será la próxima toma?", "next_feed"],
    ["en", "When will he probably nap?", "next_sleep"],
    ["es", "¿Cuándo será la próxima siesta?", "next_sleep"],
  ] as const)("(%s) %s → the predicted time, citing the last entry", async (locale, question, intent) => {
    const a = await ask(question, locale);
    const p = predictNext({ activities: entries, child, now });
    const at = intent === "next_feed" ? p.nextFeed : p.nextSleep;
    expect(a.intent).toBe(intent);
    expect(at).not.toBeNull();
    expect(a.text).toContain(formatTime(at!.at, { locale, timeZone: "UTC", now }));
    expect(a.ids).toEqual([intent === "next_feed" ? "f4" : "s3"]);
  });

  it("says when wet diapers are fewer than the guideline", async () => {
    expect((await ask("Is 5 wet diapers normal at 3 weeks?", "en")).text).toMatch(/fewer than expected/);
    expect((await ask("Is 7 wet diapers normal at 3 weeks?", "en")).text).toMatch(/within the expected range/);
  });

  it.each([
    ["en", "What's the weather like?"],
    ["es", "¿Qué tiempo hace?"],
    ["fr", "Quel temps fait-il ?"],
  ] as const)("anything else (%s) gets what it can do and how to configure a model", async (locale, question) => {
    const a = await answerQuestion({ question, data, locale });
    expect(a.intent).toBe("help");
    expect(a.text).toContain("AI_PROVIDERS");
    expect(a.citations).toEqual([]);
  });

  it.each([
    ["fr", "Combien de couches aujourd'hui ?", "total_diapers_today"],
    ["de", "Wie viele Windeln heute?", "total_diapers_today"],
    ["pt-BR", "Quando foi a última mamada?", "last_feeds"],
    ["ar", "متى كانت آخر رضعة؟", "last_feeds"],
    ["de", "Wann ist die nächste Mahlzeit?", "next_feed"],
    ["fr", "Combien de ml a-t-il bu aujourd'hui ?", "total_ml_today"],
  ] as const)("understands (%s) %s", async (locale, question, intent) => {
    expect((await answerQuestion({ question, data, locale })).intent).toBe(intent);
  });
});
