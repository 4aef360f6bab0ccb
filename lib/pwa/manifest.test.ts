import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/config";
import { buildManifest, manifestPath } from "./manifest";

describe("web app manifest", () => {
  it("opens each locale's home, in that locale's direction, with one app id for all", () => {
    for (const locale of locales) {
      const manifest = buildManifest(locale);
      expect(manifest).toMatchObject({ id: "/", start_url: `/${locale}`, scope: "/", lang: locale, display: "standalone" });
      expect(manifest.dir).toBe(locale === "ar" ? "rtl" : "ltr");
      expect(manifestPath(locale)).toBe(`/${locale}/manifest.webmanifest`);
    }
  });

  it("translates the shortcuts and points them at that locale's routes", () => {
    const english = buildManifest("en").shortcuts!.map((s) => s.name);
    expect(english).toEqual(["Log feed", "Log diaper", "Start sleep"]);
    for (const locale of locales.filter((l) => l !== "en")) {
      const shortcuts = buildManifest(locale).shortcuts!;
      expect(shortcuts.map((s) => s.url)).toEqual([`/${locale}/log/feeding`, `/${locale}/log/diaper`, `/${locale}#quick-sleep`]);
      shortcuts.forEach((s, i) => expect(s.name, `${locale} ${english[i]}`).not.toBe(english[i]));
    }
  });

  it("has 192 and 512 px icons and a maskable one", () => {
    const icons = buildManifest("en").icons!;
    expect(icons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sizes: "192x192", purpose: "any" }),
        expect.objectContaining({ sizes: "512x512", purpose: "any" }),
        expect.objectContaining({ sizes: "512x512", purpose: "maskable" }),
      ]),
    );
  });
});
