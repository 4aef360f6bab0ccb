import type { MetadataRoute } from "next";
import { localeDirection, type Locale } from "@/lib/i18n/config";
import { serverTranslator } from "@/lib/i18n/messages";

/** globals.css light --bg; the dark colour comes from the viewport's media-dependent theme-color. */
export const MANIFEST_BACKGROUND = "#f7f5f2";
export const MANIFEST_THEME = "#f7f5f2";

export const manifestPath = (locale: Locale) => `/${locale}/manifest.webmanifest`;

/**
 * One manifest per locale: the installed app opens on that locale's home, with its names and
 * shortcuts in that language. One `id` for all of them, so it stays one app whichever language
 * it was installed from.
 */
export function buildManifest(locale: Locale): MetadataRoute.Manifest {
  const app = serverTranslator(locale, "app");
  const t = serverTranslator(locale, "pwa");
  return {
    id: "/",
    name: app("name"),
    short_name: t("shortName"),
    description: app("tagline"),
    lang: locale,
    dir: localeDirection(locale),
    start_url: `/${locale}`,
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: MANIFEST_BACKGROUND,
    theme_color: MANIFEST_THEME,
    categories: ["health", "lifestyle", "productivity"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
    shortcuts: [
      // Without ?child= the log form opens for the first child, as home does.
      { name: t("shortcuts.feed"), url: `/${locale}/log/feeding`, icons: [shortcutIcon] },
      { name: t("shortcuts.diaper"), url: `/${locale}/log/diaper`, icons: [shortcutIcon] },
      // Home's sleep card has the one-tap "Start sleep" timer.
      { name: t("shortcuts.sleep"), url: `/${locale}#quick-sleep`, icons: [shortcutIcon] },
    ],
  };
}

const shortcutIcon = { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" };
