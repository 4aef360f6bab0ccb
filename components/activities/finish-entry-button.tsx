"use client";

import { useRef, useState, useTransition, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { SimpleResult } from "./quick-types";

/** Ends an open entry now ("Wake up" for a sleep logged without a timer). */
export function FinishEntryButton({
  entry,
  finish,
  className,
  children,
}: {
  entry: { id: string; version: number };
  finish: (input: { id: string; version: number }) => Promise<SimpleResult>;
  className?: string;
  children: ReactNode;
}) {
  const t = useTranslations("quickLog");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  return (
    <>
      <button
        type="button"
        className={className}
        aria-disabled={pending}
        onClick={() => {
          if (busy.current) return;
          busy.current = true;
          startTransition(async () => {
            try {
              const result = await finish(entry);
              setError(result.status === "error" ? result.message : null);
            } catch {
              setError(t("unreachable"));
            } finally {
              busy.current = false;
            }
          });
        }}
      >
        {children}
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
