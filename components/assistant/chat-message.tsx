"use client";

import { useTranslations } from "next-intl";
import type { UnitSystem } from "@/components/activities/units";
import type { CitedEntry, DraftData, NestlingUIMessage, TriageData } from "@/lib/ai/ui-message";
import { CitationCards } from "./citation-cards";
import { DraftCard } from "./draft-card";
import styles from "./assistant.module.css";

type Part = NestlingUIMessage["parts"][number];

/** A drafted entry from the model's logActivity tool (its output is `{ draft }` once it ran). */
function toolDraft(part: Part): DraftData | null {
  if (part.type !== "tool-logActivity") return null;
  const p = part as { state?: string; output?: { draft?: DraftData["entry"] | null } };
  return p.state === "output-available" && p.output?.draft ? { entry: p.output.draft } : null;
}

/**
 * One message: who said it, then (for answers) the urgent-care alert first, the text, the cards of
 * the entries it cites and any drafted entry to confirm.
 */
export function ChatMessage({ message, timeZone, units }: { message: NestlingUIMessage; timeZone: string; units: UnitSystem }) {
  const t = useTranslations("assistant");
  const parts = message.parts;
  const triageAt = parts.findIndex((p) => p.type === "data-triage");
  const triage = triageAt >= 0 ? (parts[triageAt] as { data: TriageData }).data : null;
  // The triage rules write their warning as the first text after the triage part.
  const triageTextAt = triage ? parts.findIndex((p, i) => i > triageAt && p.type === "text") : -1;
  const triageText = triageTextAt >= 0 ? (parts[triageTextAt] as { text: string }).text : "";
  const citations: CitedEntry[] = parts.flatMap((p) => (p.type === "data-citations" ? (p.data as { entries: CitedEntry[] }).entries : []));
  const drafts: DraftData[] = parts.flatMap((p) => (p.type === "data-draft" ? [p.data as DraftData] : (toolDraft(p) ?? [])));
  const texts = parts.flatMap((p, i) => (p.type === "text" && i !== triageTextAt && p.text.trim() ? [p.text] : []));
  const mine = message.role === "user";

  return (
    <li className={mine ? styles.userMessage : styles.assistantMessage}>
      <span className={styles.role}>{mine ? t("you") : t("assistantRole")}</span>
      {triage && (
        <div role="alert" className={styles.urgent}>
          <strong>{t("urgentHeading")}</strong>
          <p>{triageText.replace(/^⚠️\s*/u, "")}</p>
        </div>
      )}
      {texts.map((text, i) => (
        <p key={i} className={styles.text}>
          {text}
        </p>
      ))}
      {citations.length > 0 && <CitationCards entries={citations} timeZone={timeZone} units={units} />}
      {drafts.map((draft, i) => (
        <DraftCard key={i} draft={draft} draftKey={`${message.id}:${i}`} timeZone={timeZone} units={units} />
      ))}
    </li>
  );
}
