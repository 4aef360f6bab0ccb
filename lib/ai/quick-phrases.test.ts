import { describe, expect, it } from "vitest";
import { parseQuickPhrase } from "./quick-phrases";

const now = new Date("2026-03-10T18:00:00Z");
const opts = { now, timeZone: "UTC" };

describe("parseQuickPhrase", () => {
  it.each([
    ["bottle 120 ml at 3 pm", "2026-03-10T15:00:00.000Z"],
    ["120ml bottle at 15:30", "2026-03-10T15:30:00.000Z"],
    ["biberón de 120 ml a las 15:00", "2026-03-10T15:00:00.000Z"],
    ["biberon 120 ml à 15h", "2026-03-10T15:00:00.000Z"],
    ["Flasche 120 ml um 15 Uhr", "2026-03-10T15:00:00.000Z"],
    ["mamadeira 120 ml às 15h", "2026-03-10T15:00:00.000Z"],
  ])("%s → a 120 ml bottle draft", (text, at) => {
    expect(parseQuickPhrase(text, opts)).toEqual({
      type: "feeding",
      startedAt: at,
      details: { method: "bottle", amountMl: 120, milk: "formula" },
    });
  });

  it("reads ounces, breast milk, and a time still ahead as yesterday", () => {
    expect(parseQuickPhrase("4 oz bottle of breast milk at 11 pm", opts)).toEqual({
      type: "feeding",
      startedAt: "2026-03-09T23:00:00.000Z",
      details: { method: "bottle", amountMl: 118, milk: "breast_milk" },
    });
  });

  it("uses now without a time, in the child's zone with one", () => {
    expect(parseQuickPhrase("bottle 90 ml", opts)?.startedAt).toBe(now.toISOString());
    expect(parseQuickPhrase("bottle 90 ml at 3 pm", { now, timeZone: "Europe/Madrid" })?.startedAt).toBe("2026-03-10T14:00:00.000Z");
  });

  it.each([
    ["diaper wet and dirty", true, true],
    ["pañal mojado y sucio", true, true],
    ["couche mouillée et sale", true, true],
    ["Windel nass und voll", true, true],
    ["fralda molhada e suja", true, true],
    ["wet diaper", true, false],
    ["dirty diaper", false, true],
    ["pañal sucio", false, true],
  ])("%s → diaper wet=%s dirty=%s", (text, wet, dirty) => {
    expect(parseQuickPhrase(text, opts)).toMatchObject({ type: "diaper", details: { wet, dirty } });
  });

  it("reads a temperature in °C or °F", () => {
    expect(parseQuickPhrase("temp 38.2", opts)).toMatchObject({ type: "temperature", details: { celsius: 38.2 } });
    expect(parseQuickPhrase("temperature 100.4 F", opts)).toMatchObject({ type: "temperature", details: { celsius: 38 } });
  });

  it.each(["How many wet diapers today?", "¿Cuánto tomó hoy?", "when was the last bottle", "hello", "bottle", "bottle 900 ml"])(
    "%s is not a quick phrase",
    (text) => {
      expect(parseQuickPhrase(text, opts)).toBeNull();
    },
  );
});
