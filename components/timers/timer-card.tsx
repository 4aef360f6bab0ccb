"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import type { TimerDto } from "@/lib/timers/schema";
import { elapsedSeconds, otherSide, secondsBySide } from "@/lib/timers/segments";
import type { TimerActions, TimerControl } from "@/components/activities/quick-types";
import { showToast } from "@/components/activities/toast-store";
import { takeFocus } from "./focus-handoff";
import { clockText, isoDuration, type DigitFormat } from "./clock";
import { useServerNow } from "./use-server-now";
import styles from "./timers.module.css";

export type TimerView = Pick<TimerDto, "id" | "type" | "state" | "side" | "segments" | "startedAt" | "version">;

type Props = {
  timer: TimerView;
  serverNow: string;
  /** "Started 3:05 by Sam": when and by whom, formatted on the server. */
  startedLine: string;
  /** Without actions (a viewer) the timer only shows. */
  actions?: TimerActions;
};

/** A running shared timer with its controls; the clock ticks here, the state lives on the server. */
export function TimerCard({ timer, serverNow, startedLine, actions }: Props) {
  const t = useTranslations("timers");
  const tq = useTranslations("quickLog");
  const format = useFormatter();
  const now = new Date(useServerNow(serverNow, 1000));
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const cardRef = useRef<HTMLElement>(null);

  // Just started from this page: the pressed button is gone, so focus moves to the timer.
  useEffect(() => {
    if (takeFocus(timer.type)) cardRef.current?.focus();
  }, [timer.type]);
  const digits: DigitFormat = (value, min) => format.number(value, { minimumIntegerDigits: min, useGrouping: false });
  const total = elapsedSeconds(timer.segments, now);
  const bySide = secondsBySide(timer.segments, now);
  const paused = timer.state === "paused";
  const kind = t(`kinds.${timer.type}`);

  // The version shown goes along: a second tap of a double tap names a state that is gone, and
  // the server ignores it (so "switch side" never flips straight back).
  function run(action: TimerControl) {
    const bound = actions;
    if (busy.current || !bound) return;
    busy.current = true;
    startTransition(async () => {
      try {
        const result = await bound.control({ id: timer.id, action, version: timer.version });
        if (result.status === "error") setError(result.message);
        else {
          setError(null);
          const entry = result.entry;
          // Undoing a stop removes the entry it wrote (the timer itself stays stopped).
          if (entry)
            showToast({
              message: entry.message,
              link: { href: entry.editHref, label: tq("addDetails") },
              undo: () => bound.remove(entry.id),
            });
        }
      } catch {
        setError(tq("unreachable"));
      } finally {
        busy.current = false;
      }
    });
  }

  const button = (action: TimerControl, label: string, className = styles.control, ariaLabel?: string) => (
    <button type="button" className={className} onClick={() => run(action)} aria-disabled={pending} aria-label={ariaLabel}>
      {label}
    </button>
  );

  return (
    <section
      ref={cardRef}
      tabIndex={-1}
      className={styles.card}
      aria-label={t("cardLabel", { kind })}
      data-timer-type={timer.type}
      data-state={timer.state}
    >
      <header className={styles.head}>
        <h3 className={styles.title}>{kind}</h3>
        <span className={styles.state}>
          {paused ? t("paused") : timer.side ? t("onSide", { side: t(`sides.${timer.side}`) }) : t("running")}
        </span>
      </header>
      <p className={styles.clockRow}>
        <time role="timer" className={styles.clock} dateTime={isoDuration(total)} dir="ltr">
          {clockText(total, digits)}
        </time>
      </p>
      {timer.type === "feeding" && (
        <dl className={styles.sides}>
          {(["left", "right"] as const).map((side) => (
            <div key={side} className={styles.side} data-current={!paused && timer.side === side ? "true" : undefined}>
              <dt>{t(`sides.${side}`)}</dt>
              <dd>
                <time dateTime={isoDuration(bySide[side])} dir="ltr" className={styles.sideClock}>
                  {clockText(bySide[side], digits)}
                </time>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p className={styles.started}>{startedLine}</p>
      {actions && (
        <div className={styles.controls}>
          {timer.type !== "sleep" && (paused ? button("resume", t("resume")) : button("pause", t("pause")))}
          {timer.type === "feeding" && timer.side && button("switch_side", t("switchTo", { side: t(`sides.${otherSide(timer.side)}`) }))}
          {timer.type === "sleep"
            ? button("stop", t("wake"), styles.stop)
            : button("stop", t("stop"), styles.stop, t("stopLabel", { kind }))}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
