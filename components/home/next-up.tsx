import { getFormatter, getTranslations } from "next-intl/server";
import { otherSide } from "@/lib/timers/segments";
import { FinishEntryButton } from "@/components/activities/finish-entry-button";
import { QuickSaveButton } from "@/components/activities/quick-save-button";
import type { QuickActions, SimpleResult, TimerActions } from "@/components/activities/quick-types";
import { fromStorage, type UnitSystem } from "@/components/activities/units";
import { StartTimerButton } from "@/components/timers/start-timer-button";
import type { ChildHome } from "./load-child-home";
import styles from "./home.module.css";

type Props = {
  childId: string;
  units: UnitSystem;
  home: ChildHome;
  actions: QuickActions;
  timerActions: TimerActions;
  finishEntry: (input: { id: string; version: number }) => Promise<SimpleResult>;
};

/**
 * The entries most likely to come next, most overdue first against the child's own rhythm, each
 * one tap: the breast timer on the suggested side, the last bottle again, a wet diaper, sleep.
 */
export async function NextUp({ childId, units, home, actions, timerActions, finishEntry }: Props) {
  const [t, ta, tl, tu, format] = await Promise.all([
    getTranslations("home"),
    getTranslations("activity"),
    getTranslations("log"),
    getTranslations("units"),
    getFormatter(),
  ]);
  const running = new Set(home.timers.map((timer) => timer.type));
  const { suggestions, lastBreastSide, lastBottle } = home.summary;
  const className = styles.nextButton;

  const buttons = suggestions.flatMap((kind) => {
    switch (kind) {
      case "breast": {
        if (running.has("feeding")) return [];
        const side = lastBreastSide ? otherSide(lastBreastSide) : "left";
        return (
          <StartTimerButton key={kind} input={{ childId, type: "feeding", side }} actions={timerActions} className={className}>
            {t("next.breast", { side: ta(`sides.${side}`) })}
          </StartTimerButton>
        );
      }
      case "bottle": {
        if (!lastBottle) return [];
        const amount = fromStorage("volume", units, lastBottle.amountMl);
        const unit = tu(units === "imperial" ? "oz" : "ml");
        return (
          <QuickSaveButton
            key={kind}
            saveKey="next:bottle"
            input={{ childId, kind: "bottle", values: { "details.amountMl": String(amount), "details.milk": lastBottle.milk } }}
            actions={actions}
            className={className}
          >
            {t("next.bottle", { amount: format.number(amount), unit, milk: tl(`options.milk.${lastBottle.milk}`) })}
          </QuickSaveButton>
        );
      }
      case "diaper":
        return (
          <QuickSaveButton
            key={kind}
            saveKey="next:diaper"
            input={{ childId, kind: "diaper", values: { "details.kind": "wet" } }}
            actions={actions}
            className={className}
          >
            {t("next.diaper")}
          </QuickSaveButton>
        );
      case "sleep":
        if (running.has("sleep")) return [];
        if (home.openSleep)
          return (
            <FinishEntryButton key={kind} entry={home.openSleep} finish={finishEntry} className={className}>
              {t("next.wake")}
            </FinishEntryButton>
          );
        return (
          <StartTimerButton key={kind} input={{ childId, type: "sleep" }} actions={timerActions} className={className}>
            {t("next.sleep")}
          </StartTimerButton>
        );
      case "pumping":
        if (running.has("pumping")) return [];
        return (
          <StartTimerButton key={kind} input={{ childId, type: "pumping" }} actions={timerActions} className={className}>
            {t("next.pumping")}
          </StartTimerButton>
        );
    }
  });

  if (buttons.length === 0) return null;
  return (
    <section aria-labelledby="next-up-heading" className={styles.nextUp}>
      <h2 id="next-up-heading">{t("next.title")}</h2>
      <div className={styles.nextGrid}>{buttons}</div>
    </section>
  );
}
