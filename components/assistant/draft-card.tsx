"use client";

import { useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { UnitSystem } from "@/components/activities/units";
import type { DraftData } from "@/lib/ai/ui-message";
import { entryLabel } from "./entry-label";
import { stableUuid } from "./stable-id";
import styles from "./assistant.module.css";

type State = { status: "idle" | "saving" | "discarded" } | { status: "saved"; id: string } | { status: "error"; message: string };

/**
 * An entry the assistant drafted ("bottle 120 ml at 3 pm"). Nothing is stored until Save, which
 * posts it to the same REST endpoint every other client uses (POST /api/v1/activities → the
 * activity service). Its id comes from `draftKey` (message and part), so a second tap, or Save
 * again after reopening the chat, is the same entry.
 */
export function DraftCard({
  draft,
  draftKey,
  timeZone,
  units,
}: {
  draft: DraftData;
  draftKey: string;
  timeZone: string;
  units: UnitSystem;
}) {
  const t = useTranslations("assistant.draft");
  const ta = useTranslations("activity");
  const tu = useTranslations("units");
  const format = useFormatter();
  const [state, setState] = useState<State>({ status: "idle" });
  const { entry } = draft;
  const ctx = { t: ta as never, tu: tu as never, number: (n: number) => format.number(n, { maximumFractionDigits: 1 }), units };

  async function confirm() {
    setState({ status: "saving" });
    try {
      const res = await fetch("/api/v1/activities", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...entry, id: await stableUuid(`nestling-draft:${draftKey}`) }),
      });
      const body = (await res.json().catch(() => ({}))) as { activity?: { id: string }; error?: { message?: string } };
      if (res.ok && body.activity) setState({ status: "saved", id: body.activity.id });
      else setState({ status: "error", message: body.error?.message ?? t("failedGeneric") });
    } catch {
      setState({ status: "error", message: t("offline") });
    }
  }

  if (state.status === "discarded") return <p className={`muted ${styles.draftNote}`}>{t("discarded")}</p>;
  return (
    <section className={styles.draft} aria-label={state.status === "saved" ? t("savedHeading") : t("heading")}>
      <h3 className={styles.citationsHeading}>{state.status === "saved" ? t("savedHeading") : t("heading")}</h3>
      <p className={styles.draftEntry}>
        <strong>{entryLabel(entry, ctx)}</strong>{" "}
        <time dateTime={entry.startedAt} className="muted">
          {format.dateTime(new Date(entry.startedAt), { timeZone, weekday: "short", hour: "numeric", minute: "2-digit" })}
        </time>
      </p>
      {state.status === "saved" ? (
        <p role="status">
          {t("saved")} <Link href={`/entries/${state.id}/edit`}>{t("openEntry")}</Link>
        </p>
      ) : (
        <div className="row">
          <button type="button" onClick={confirm} disabled={state.status === "saving"}>
            {state.status === "saving" ? t("saving") : t("confirm")}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => setState({ status: "discarded" })}
            disabled={state.status === "saving"}
          >
            {t("discard")}
          </button>
        </div>
      )}
      {state.status === "error" && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
    </section>
  );
}
