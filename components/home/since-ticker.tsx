"use client";

import { useTranslations } from "next-intl";
import { useServerNow } from "@/components/timers/use-server-now";
import { sinceText } from "./duration";

/**
 * "2 h 5 min ago", kept current while the page stays open. `seconds` was measured on the server
 * at `serverNow`; the text only changes once a minute, so every 15 s is plenty.
 */
export function SinceTicker({ seconds, serverNow, ago = true }: { seconds: number; serverNow: string; ago?: boolean }) {
  const t = useTranslations("home");
  const now = useServerNow(serverNow, 15_000);
  const elapsed = seconds + (now - Date.parse(serverNow)) / 1000;
  const text = sinceText(elapsed, (key, values) => t(key, values), !ago);
  return <>{ago && elapsed >= 60 ? t("since.ago", { duration: text }) : text}</>;
}
