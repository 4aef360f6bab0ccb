import { describe, expect, it } from "vitest";
import { defaultLocale, isLocale, negotiateLocale } from "./config";

describe("negotiateLocale", () => {
  it("falls back to the default without a header", () => {
    expect(defaultLocale).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
  });

  it("picks an exact or base-language match, case-insensitively", () => {
    expect(negotiateLocale("es")).toBe("es");
    expect(negotiateLocale("es-MX")).toBe("es");
    expect(negotiateLocale("ES-es")).toBe("es");
    expect(negotiateLocale("en-GB")).toBe("en");
  });

  it("honours q-values, not header order", () => {
    expect(negotiateLocale("en;q=0.2, es;q=0.9")).toBe("es");
    expect(negotiateLocale("es;q=0.4, en")).toBe("en");
    expect(negotiateLocale("es-ES,es;q=0.9,en;q=0.8")).toBe("es");
  });

  it("skips unsupported languages for the next supported one", () => {
    expect(negotiateLocale("ja-JP, zh;q=0.9, es;q=0.5")).toBe("es");
    expect(negotiateLocale("pt-PT, pt;q=0.9")).toBe("pt-BR");
    expect(negotiateLocale("ar-EG")).toBe("ar");
    expect(negotiateLocale("ja, zh")).toBe("en");
  });

  it("ignores languages refused with q=0", () => {
    expect(negotiateLocale("es;q=0")).toBe("en");
    expect(negotiateLocale("es;q=0, en;q=0.1")).toBe("en");
  });

  it("survives malformed headers", () => {
    expect(negotiateLocale(";;;,,,")).toBe("en");
    expect(negotiateLocale("*")).toBe("en");
    expect(negotiateLocale("es;q=abc")).toBe("en");
    expect(negotiateLocale("x".repeat(10_000))).toBe("en");
  });
});

describe("isLocale", () => {
  it("accepts only supported locales", () => {
    expect(isLocale("en")).toBe(true);
    expect(isLocale("es")).toBe(true);
    expect(isLocale("ja")).toBe(false);
    expect(isLocale("ES")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
    expect(isLocale(1)).toBe(false);
  });
});
