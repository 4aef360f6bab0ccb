"use client";

import { useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "@/i18n/navigation";
import type { SimpleResult } from "./quick-types";
import { showToast } from "./toast-store";

/** Deletes the entry being edited, goes home, and offers Undo there. */
export function EditEntryDelete({
  id,
  kind,
  homeHref,
  actions,
}: {
  id: string;
  kind: string;
  homeHref: string;
  actions: { remove: (id: string) => Promise<SimpleResult>; restore: (id: string) => Promise<SimpleResult> };
}) {
  const t = useTranslations("entries");
  const tq = useTranslations("quickLog");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);

  function remove() {
    if (busy.current) return;
    busy.current = true;
    startTransition(async () => {
      try {
        const result = await actions.remove(id);
        if (result.status === "error") {
          setError(result.message);
          return;
        }
        showToast({ message: t("deleted", { kind }), undo: () => actions.restore(id) });
        router.push(homeHref);
      } catch {
        setError(tq("unreachable"));
      } finally {
        busy.current = false;
      }
    });
  }

  return (
    <div className="stack">
      <button type="button" className="danger" onClick={remove} aria-disabled={pending}>
        {pending ? t("deleting") : t("deleteEntry")}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
