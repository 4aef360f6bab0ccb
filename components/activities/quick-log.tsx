import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { ChildHome } from "@/components/home/load-child-home";
import { StartTimerButton } from "@/components/timers/start-timer-button";
import { otherSide } from "@/lib/timers/segments";
import { BottleStepper } from "./bottle-stepper";
import { FinishEntryButton } from "./finish-entry-button";
import { feedingMethods, type LogKind } from "./log-fields";
import { QuickDiaper } from "./quick-diaper";
import { QuickSaveButton } from "./quick-save-button";
import type { QuickActions, SimpleResult, TimerActions } from "./quick-types";
import { fromStorage, type UnitSystem } from "./units";
import styles from "./quick-log.module.css";

export function logHref(kind: LogKind, childId: string): string {
  return (feedingMethods as readonly string[]).includes(kind)
    ? `/log/feeding?child=${childId}&method=${kind}`
    : `/log/${kind}?child=${childId}`;
}

/** Kinds with a form only, behind "More kinds of entry" so the night essentials stay in reach. */
const FORM_ONLY: LogKind[] = ["solids", "medication", "temperature", "growth", "note"];
/** The usual first bottle when there is no last one to start from. */
const FIRST_BOTTLE_ML = 90;

type Props = {
  childId: string;
  units: UnitSystem;
  home: ChildHome;
  actions: QuickActions;
  timerActions: TimerActions;
  finishEntry: (input: { id: string; version: number }) => Promise<SimpleResult>;
};

/**
 * The quick-log cards: breastfeed (timer on the suggested side), bottle (stepper from the last
 * amount), diaper (one tap), sleep (start / wake up), and the rest. Each card's title opens the
 * full form, where any entry can be back-dated and detailed.
 */
export async function QuickLog({ childId, units, home, actions, timerActions, finishEntry }: Props) {
  const [t, ta, format] = await Promise.all([getTranslations("quickLog"), getTranslations("activity"), getFormatter()]);
  const running = new Set(home.timers.map((timer) => timer.type));
  const { lastBreastSide, lastBottle } = home.summary;
  const suggestedSide = lastBreastSide ? otherSide(lastBreastSide) : null;
  const bottleAmount = fromStorage("volume", units, lastBottle?.amountMl ?? FIRST_BOTTLE_ML);

  const title = (kind: LogKind) => (
    <h3 className={styles.cardTitle}>
      <Link href={logHref(kind, childId)} className={styles.titleLink}>
        {ta(`kinds.${kind}`)}
        <span aria-hidden="true" className={styles.chevron}>
          ›
        </span>
      </Link>
    </h3>
  );

  return (
    <div className={styles.cards}>
      <section className={styles.card} aria-label={ta("kinds.breast")}>
        {title("breast")}
        {running.has("feeding") ? (
          <p className={styles.note}>{t("runningAbove")}</p>
        ) : (
          <>
            <div className={styles.grid2}>
              {(["left", "right"] as const).map((side) => (
                <StartTimerButton
                  key={side}
                  input={{ childId, type: "feeding", side }}
                  actions={timerActions}
                  className={side === suggestedSide ? `${styles.tap} ${styles.suggested}` : styles.tap}
                  // The name starts with what the button shows ("Left suggested"): axe label-content-name-mismatch.
                  ariaLabel={
                    side === suggestedSide
                      ? `${ta(`sides.${side}`)} ${t("breast.suggested")}: ${t("breast.start", { side: ta(`sides.${side}`) })}`
                      : t("breast.start", { side: ta(`sides.${side}`) })
                  }
                  ariaDescribedBy={side === suggestedSide ? "breast-suggestion" : undefined}
                >
                  {ta(`sides.${side}`)} {side === suggestedSide && <span className={styles.badge}>{t("breast.suggested")}</span>}
                </StartTimerButton>
              ))}
            </div>
            <p id="breast-suggestion" className={styles.note}>
              {lastBreastSide ? t("breast.lastSide", { side: ta(`sides.${lastBreastSide}`) }) : t("breast.firstTime")}
            </p>
          </>
        )}
      </section>

      <section className={styles.card} aria-label={ta("kinds.bottle")}>
        {title("bottle")}
        <BottleStepper childId={childId} units={units} amount={bottleAmount} milk={lastBottle?.milk ?? "formula"} actions={actions} />
      </section>

      <section className={styles.card} aria-label={ta("kinds.diaper")}>
        {title("diaper")}
        <QuickDiaper childId={childId} actions={actions} />
      </section>

      {/* id: the app shortcut "Start sleep" opens home at this card. */}
      <section id="quick-sleep" className={styles.card} aria-label={ta("kinds.sleep")}>
        {title("sleep")}
        {running.has("sleep") ? (
          <p className={styles.note}>{t("runningAbove")}</p>
        ) : home.openSleep ? (
          <FinishEntryButton entry={home.openSleep} finish={finishEntry} className={styles.wide}>
            {t("sleep.wake")}
          </FinishEntryButton>
        ) : (
          <StartTimerButton input={{ childId, type: "sleep" }} actions={timerActions} className={styles.wide}>
            {t("sleep.start")}
          </StartTimerButton>
        )}
      </section>

      <details className={styles.more}>
        <summary>{t("moreKinds")}</summary>
        <div className={styles.moreBody}>
          {(["pumping", "tummy_time"] as const).map((kind) => (
            <div key={kind} className={styles.moreRow}>
              {running.has(kind) ? (
                <p className={styles.note}>{t("runningAbove")}</p>
              ) : (
                <StartTimerButton input={{ childId, type: kind }} actions={timerActions} className={styles.tap}>
                  {t(`timer.${kind}`)}
                </StartTimerButton>
              )}
              <Link href={logHref(kind, childId)} className={`button secondary ${styles.formLink}`}>
                {ta(`kinds.${kind}`)}
              </Link>
            </div>
          ))}
          {home.lastMedication && (
            <QuickSaveButton
              saveKey="medication:again"
              input={{
                childId,
                kind: "medication",
                values: {
                  "details.name": home.lastMedication.name,
                  "details.dose": String(home.lastMedication.dose),
                  "details.unit": home.lastMedication.unit,
                },
              }}
              actions={actions}
              className={styles.tap}
            >
              {t("medicationAgain", {
                name: home.lastMedication.name,
                dose: format.number(home.lastMedication.dose),
                unit: ta(`doseUnits.${home.lastMedication.unit}`),
              })}
            </QuickSaveButton>
          )}
          <ul className={styles.formLinks}>
            {FORM_ONLY.map((kind) => (
              <li key={kind}>
                <Link href={logHref(kind, childId)} className={`button secondary ${styles.formLink}`}>
                  {ta(`kinds.${kind}`)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </details>
    </div>
  );
}
