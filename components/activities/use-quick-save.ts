"use client";

import { useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { newClientId } from "./client-id";
import type { QuickActions, QuickLogInput, QuickResult } from "./quick-types";
import { showToast } from "./toast-store";
import { useOfflineScope } from "@/components/offline/offline-scope";
import { isNetworkFailure, isOffline, queueQuickEntry } from "@/components/offline/queue-entry";
import { discardQueuedCreate } from "@/components/offline/undo-queued";

/** A second tap this soon after a save is the same tap (a double tap), so it reuses the entry id. */
const SAME_TAP_MS = 2500;

/**
 * Saves a one-tap entry and offers Undo. Each button (`key`) keeps its entry id for a moment
 * after a save, so a double tap, even one landing after the first answer, stores one entry.
 */
export function useQuickSave(actions: QuickActions) {
  const t = useTranslations("quickLog");
  const to = useTranslations("offline");
  const ta = useTranslations("activity");
  const scope = useOfflineScope();
  const [pending, startTransition] = useTransition();
  const [pendingKey, setPendingKey] = useState<string | null>(null);
  const busy = useRef(false);
  const recent = useRef(new Map<string, { id: string; at: number }>());

  function save(key: string, input: Omit<QuickLogInput, "id">, onResult?: (result: QuickResult) => void) {
    if (busy.current) return;
    busy.current = true;
    const last = recent.current.get(key);
    const id = last && Date.now() - last.at < SAME_TAP_MS ? last.id : newClientId();
    setPendingKey(key);
    startTransition(async () => {
      let result: QuickResult;
      // Offline (or the request never reached the server): saved on the device and queued (docs/SYNC.md, "Device").
      const queue = () =>
        queueQuickEntry({ ...input, id }, scope!, {
          saved: to("savedOnDevice", { kind: ta(`kinds.${input.kind}`) }),
          invalid: to("invalid"),
        });
      let queued = false;
      try {
        if (scope && isOffline()) {
          queued = true;
          result = await queue();
        } else result = await actions.log({ ...input, id });
      } catch (error) {
        if (scope && !queued && isNetworkFailure(error)) {
          queued = true;
          result = await queue().catch(() => ({ status: "error" as const, message: t("unreachable") }));
        } else result = { status: "error", message: t("unreachable") };
      }
      busy.current = false;
      setPendingKey(null);
      if (result.status === "ok") {
        recent.current.set(key, { id, at: Date.now() });
        const entryId = result.entry.id;
        showToast({
          message: result.entry.message,
          link: { href: result.entry.editHref, label: t("addDetails") },
          undo: async () => {
            recent.current.delete(key);
            return queued ? discardQueuedCreate(entryId) : actions.remove(entryId);
          },
        });
      }
      onResult?.(result);
    });
  }

  return { save, pending, pendingKey };
}
