"use client";

import { useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { LogKind } from "@/components/activities/log-fields";
import type { UnitSystem } from "@/components/activities/units";
import { showToast } from "@/components/activities/toast-store";
import { editPatch } from "./edit-patch";
import { offlineEngine } from "./engine";
import { isOffline } from "./queue-entry";

type Props = {
  entryId: string;
  familyId: string;
  childId: string;
  kind: LogKind;
  units: UnitSystem;
  timeZone: string;
  /** The form's values as the page showed them: only what differs is sent. */
  shown: Record<string, string>;
  children: ReactNode;
};

/**
 * Around the edit form: offline, a save does not reach for the server action (it would fail);
 * it queues an `activity.update` with the changed fields only and applies it on the device.
 * Online, the form works as before (the server action with its version check).
 */
export function OfflineEdit({ entryId, familyId, childId, kind, units, timeZone, shown, children }: Props) {
  const t = useTranslations("offline");
  const box = useRef<HTMLDivElement>(null);

  function onSubmitCapture(event: React.FormEvent<HTMLDivElement>) {
    if (!isOffline()) return;
    // Stop here: the form's server action would try the network.
    event.preventDefault();
    event.stopPropagation();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const values: Record<string, string> = {};
    for (const [name, value] of data.entries()) {
      if (typeof value !== "string") continue;
      values[name] = name in values ? `${values[name]},${value}` : value;
    }
    const { patch, invalid } = editPatch({ kind, values, shown, units, timeZone, childId });
    if (invalid.length > 0) {
      showToast({ message: t("invalid"), tone: "error" });
      return;
    }
    if (!patch) {
      showToast({ message: t("editSavedOnDevice") });
      return;
    }
    void offlineEngine
      .enqueue({ kind: "activity.update", id: entryId, patch }, familyId)
      .then(() => showToast({ message: t("editSavedOnDevice") }));
  }

  return (
    <div ref={box} onSubmitCapture={onSubmitCapture} data-offline-edit={entryId}>
      {children}
    </div>
  );
}
