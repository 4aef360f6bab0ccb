"use client";

import { useState } from "react";
import styles from "./family.module.css";

/** Copies a text (an invite link, a token) and says so in a polite live region. */
export function CopyButton({
  text,
  label,
  copiedLabel,
  failedLabel,
}: {
  text: string;
  label: string;
  copiedLabel: string;
  failedLabel: string;
}) {
  const [result, setResult] = useState<"copied" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setResult("copied");
    } catch {
      // No clipboard API outside a secure context (a self-hosted server on plain http://).
      setResult("failed");
    }
  }
  return (
    <span className={styles.copy}>
      <button type="button" className="secondary" onClick={copy}>
        {label}
      </button>
      <span role="status" className="muted">
        {result === "copied" ? copiedLabel : result === "failed" ? failedLabel : ""}
      </span>
    </span>
  );
}
