"use client";

import { useEffect } from "react";
import { useRouter } from "@/i18n/navigation";

/**
 * Reloads the page's data when the phone comes back to it (unlocked, tab switched back), so a
 * timer a partner started or stopped meanwhile shows without a manual reload.
 */
export function RefreshOnFocus() {
  const router = useRouter();
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [router]);
  return null;
}
