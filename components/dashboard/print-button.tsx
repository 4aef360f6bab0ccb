"use client";

/** Opens the browser's print dialog; the print stylesheet lays the dashboard out for paper. */
export function PrintButton({ label, className }: { label: string; className?: string }) {
  return (
    <button type="button" className={className} onClick={() => window.print()}>
      {label}
    </button>
  );
}
