"use client";

import { useSyncExternalStore } from "react";
import { useTranslations } from "next-intl";
import type { Theme } from "@/lib/ui/theme";
import styles from "./site-header.module.css";

const darkQuery = "(prefers-color-scheme: dark)";
const subscribe = (onChange: () => void) => {
  const media = window.matchMedia(darkQuery);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
};
const systemIsDark = () => window.matchMedia(darkQuery).matches;

/**
 * A sun/moon toggle for dark mode. "Pressed" means dark is showing, whether picked here or
 * followed from the system; pressing picks the other one for this device (a cookie, saved by
 * `save`, which also keeps it in the account's settings when signed in). A plain form, so it
 * works before hydration too.
 */
export function ThemeToggle({ theme, save }: { theme: Theme; save: (formData: FormData) => Promise<void> }) {
  const t = useTranslations("nav");
  const systemDark = useSyncExternalStore(subscribe, systemIsDark, () => false);
  const dark = theme === "dark" || (theme === "system" && systemDark);
  const next: Theme = dark ? "light" : "dark";
  return (
    <form
      action={save}
      onSubmit={() => {
        // Repaint at once; the server's answer only confirms it.
        document.documentElement.dataset.theme = next;
      }}
    >
      <input type="hidden" name="theme" value={next} />
      <button type="submit" className={`secondary ${styles.iconButton}`} aria-pressed={dark} aria-label={t("darkTheme")}>
        {dark ? (
          <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
            <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z" />
          </svg>
        ) : (
          <svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
            <circle cx="12" cy="12" r="4" />
            <path d="M12 2v2M12 20v2M2 12h2M20 12h2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
          </svg>
        )}
      </button>
    </form>
  );
}
