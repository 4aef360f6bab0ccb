"use client";

import { useFormStatus } from "react-dom";

/** Disabled while its form's action runs, so a second tap cannot send the form again. */
export function SubmitButton({
  label,
  pendingLabel,
  className,
  ariaLabel,
}: {
  label: string;
  pendingLabel?: string;
  className?: string;
  /** A fuller name for screen readers when the visible label needs context. */
  ariaLabel?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending} aria-label={ariaLabel}>
      {pending ? (pendingLabel ?? label) : label}
    </button>
  );
}
