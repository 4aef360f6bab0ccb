"use client";

import { useState, type ReactNode } from "react";
import type { QuickActions, QuickLogInput } from "./quick-types";
import { useQuickSave } from "./use-quick-save";

/** One button that saves one prepared entry ("Bottle · 120 ml formula") and offers Undo. */
export function QuickSaveButton({
  saveKey,
  input,
  actions,
  className,
  children,
}: {
  saveKey: string;
  input: Omit<QuickLogInput, "id">;
  actions: QuickActions;
  className?: string;
  children: ReactNode;
}) {
  const { save, pendingKey } = useQuickSave(actions);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        aria-disabled={pendingKey !== null}
        aria-busy={pendingKey !== null}
        onClick={() => save(saveKey, input, (result) => setError(result.status === "error" ? (result.message ?? null) : null))}
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
