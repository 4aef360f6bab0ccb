"use client";

import { useTranslations } from "next-intl";

/** Loads the page again: the offline page stands in for whichever page failed. */
export function RetryButton() {
  const t = useTranslations("pwa.offline");
  return (
    <button type="button" onClick={() => window.location.reload()}>
      {t("retry")}
    </button>
  );
}
