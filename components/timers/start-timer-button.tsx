"use client";

import { useRef, useState, useTransition, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { TimerActions, TimerStartInput } from "@/components/activities/quick-types";
import { handFocusTo } from "./focus-handoff";

type Props = {
  input: TimerStartInput;
  actions: TimerActions;
  className?: string;
  /** The visible label; `ariaLabel` says it fully ("Start breastfeed on the right side"). */
  children: ReactNode;
  ariaLabel?: string;
  ariaDescribedBy?: string;
};

/**
 * Starts a shared timer in one tap. Starting is idempotent on the server (a second start returns
 * the running timer), so a double tap or a partner's simultaneous tap still makes one timer.
 */
export function StartTimerButton({ input, actions, className, children, ariaLabel, ariaDescribedBy }: Props) {
  const t = useTranslations("quickLog");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);

  function start() {
    if (busy.current) return;
    busy.current = true;
    startTransition(async () => {
      try {
        // Set before the answer: the timer card may mount as part of it.
        handFocusTo(input.type);
        const result = await actions.start(input);
        setError(result.status === "error" ? result.message : null);
        if (result.status === "error") handFocusTo(null);
      } catch {
        handFocusTo(null);
        setError(t("unreachable"));
      } finally {
        busy.current = false;
      }
    });
  }

  return (
    <>
      <button
        type="button"
        className={className}
        onClick={start}
        aria-disabled={pending}
        aria-busy={pending}
        aria-label={ariaLabel}
        aria-describedby={ariaDescribedBy}
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
