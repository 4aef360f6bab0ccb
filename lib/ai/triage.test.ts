import { describe, expect, it } from "vitest";
import { temperatureInQuestion, triageQuestion } from "./triage";
import { normalizeText } from "./normalize";

const now = new Date("2026-03-01T12:00:00Z");
const newborn = "2026-02-01"; // 4 weeks old
const toddler = "2024-06-01"; // 21 months old

const urgent: [string, string][] = [
  ["en", "My baby is having trouble breathing"],
  ["en", "her lips are turning blue"],
  ["en", "He is very hard to wake and floppy"],
  ["en", "she had a seizure 5 minutes ago"],
  ["en", "No wet diaper in 10 hours, is that ok?"],
  ["en", "he's vomiting green stuff"],
  ["en", "the soft spot on his head looks sunken"],
  ["en", "rash that doesn't fade when I press a glass"],
  ["es", "Mi bebé tiene dificultad para respirar"],
  ["es", "Tiene los labios morados"],
  ["es", "No se despierta, está muy flácido"],
  ["es", "Tuvo una convulsión"],
  ["es", "vómito verde desde esta mañana"],
  ["es", "la fontanela está hundida"],
  ["fr", "Mon bébé a du mal à respirer"],
  ["fr", "Ses lèvres bleues m'inquiètent"],
  ["fr", "Il ne se réveille pas"],
  ["fr", "elle a fait une convulsion"],
  ["fr", "vomissements verts"],
  ["de", "Mein Baby hat Atemnot"],
  ["de", "Sie hat blaue Lippen"],
  ["de", "Er reagiert nicht und ist schwer zu wecken"],
  ["de", "Er hatte einen Krampfanfall"],
  ["de", "Keine nasse Windel seit 9 Stunden"],
  ["pt-BR", "Meu bebê está com dificuldade para respirar"],
  ["pt-BR", "Os lábios estão roxos"],
  ["pt-BR", "Ele não acorda"],
  ["pt-BR", "Teve uma convulsão agora"],
  ["pt-BR", "a moleira está afundada"],
  ["ar", "طفلي يعاني من صعوبة في التنفس"],
  ["ar", "شفاه زرقاء"],
  ["ar", "لا يستجيب ولا يستيقظ"],
  ["ar", "أصيب بتشنج"],
  ["ar", "قيء أخضر"],
];

const feverInfant: [string, string][] = [
  ["en", "she has a temperature of 38.2, what should I do?"],
  ["en", "fever 100.8 F"],
  ["es", "tiene fiebre de 38,5"],
  ["fr", "il a 38,3 de fièvre"],
  ["de", "Sie hat 38,4 °C Fieber"],
  ["pt-BR", "está com febre de 38 graus"],
  ["ar", "عنده حرارة 38.6"],
];

describe("triageQuestion", () => {
  it.each(urgent)("flags (%s) %s", (_locale, question) => {
    const r = triageQuestion({ question, birthDate: toddler, now });
    expect(r.urgent).toBe(true);
    expect(r.sources.length).toBeGreaterThan(0);
  });

  it.each(feverInfant)("flags fever under 3 months (%s) %s", (_locale, question) => {
    expect(triageQuestion({ question, birthDate: newborn, now }).flags).toContain("fever_under_3_months");
  });

  it.each(feverInfant)("does not flag the same fever in a toddler (%s) %s", (_locale, question) => {
    expect(triageQuestion({ question, birthDate: toddler, now }).urgent).toBe(false);
  });

  it("flags a logged fever in the last day of an infant whatever the question", () => {
    const r = triageQuestion({ question: "how much did she drink today?", birthDate: newborn, now, recentTemperaturesC: [38.1] });
    expect(r.flags).toEqual(["fever_under_3_months"]);
  });

  it.each([
    "no fever today, how much did she drink?",
    "¿cuánto tomó hoy? no tiene fiebre",
    "il n'a pas de fièvre, combien de couches ?",
    "kein Fieber, wann schläft er?",
    "temperature 37.2 is that ok",
    "how long did he sleep last night?",
    "she breathes fine and the lips are pink",
    "No wet diaper in 3 hours",
    "how many wet diapers today?",
  ])("does not flag %s", (question) => {
    expect(triageQuestion({ question, birthDate: newborn, now, recentTemperaturesC: [37.0] }).urgent).toBe(false);
  });

  it("reads temperatures in °C and °F", () => {
    expect(temperatureInQuestion(normalizeText("38,5 °C"))).toBe(38.5);
    expect(temperatureInQuestion(normalizeText("100.4°F"))).toBe(38);
    expect(temperatureInQuestion(normalizeText("120 ml"))).toBeNull();
  });
});
