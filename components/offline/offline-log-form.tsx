"use client";

import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { buildActivityInput } from "@/components/activities/build-input";
import { newClientId } from "@/components/activities/client-id";
import type { LogKind } from "@/components/activities/log-fields";
import type { UnitSystem } from "@/components/activities/units";
import { showToast } from "@/components/activities/toast-store";
import type { ActivityCreateFields } from "@/lib/sync/ops";
import { offlineEngine } from "./engine";
import { isOffline } from "./queue-entry";

type Props = { childId: string; familyId: string; kind: LogKind; units: UnitSystem; timeZone: string; children: ReactNode };

/**
 * Around a full log form: offline, a save queues `activity.create` on the device (with the form's
 * client id when it has one) and goes back to home, which lists it as waiting to sync. Online,
 * the form's server action runs as before.
 */
export function OfflineLogForm({ childId, familyId, kind, units, timeZone, children }: Props) {
  const t = useTranslations("offline");
  const ta = useTranslations("activity");
  const locale = useLocale();

  function onSubmitCapture(event: React.FormEvent<HTMLDivElement>) {
    if (!isOffline()) return;
    event.preventDefault();
    event.stopPropagation();
    const values: Record<string, string> = {};
    for (const [name, value] of new FormData(event.target as HTMLFormElement).entries()) {
      if (typeof value === "string") values[name] = name in values ? `${values[name]},${value}` : value;
    }
    const { input, issues } = buildActivityInput({ kind, values, units, timeZone, childId });
    if (Object.keys(issues).length > 0) {
      showToast({ message: t("invalid"), tone: "error" });
      return;
    }
    const { id: _ignored, ...activity } = input as ActivityCreateFields & { id?: string };
    const id = values.id || newClientId();
    void offlineEngine.enqueue({ kind: "activity.create", id, activity }, familyId).then(() => {
      showToast({ message: t("savedOnDevice", { kind: ta(`kinds.${kind}`) }) });
      // A full load on purpose: offline, a client-side move would fetch a payload that cannot arrive; the worker answers the page.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign(`/${locale}?child=${childId}`);
    });
  }

  return <div onSubmitCapture={onSubmitCapture}>{children}</div>;
}
