"use client";

import { useEffect, useState } from "react";
import { liveQuery } from "dexie";
import { useTranslations } from "next-intl";
import { offlineDb } from "@/lib/offline/db";

/** "N entries stored on this device" for the settings' storage row. */
export function StoredCount() {
  const t = useTranslations("offline");
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    const subscription = liveQuery(() => offlineDb().activities.count()).subscribe({ next: setCount, error: () => setCount(null) });
    return () => subscription.unsubscribe();
  }, []);
  if (count === null) return null;
  return <p>{t("storedOnDevice", { count })}</p>;
}
