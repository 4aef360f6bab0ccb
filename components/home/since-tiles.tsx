import { getTranslations } from "next-intl/server";
import type { ChildHome } from "./load-child-home";
import { SinceTicker } from "./since-ticker";
import styles from "./home.module.css";

/** Time since the last feed, sleep and diaper, ticking; the last breast side under the feed. */
export async function SinceTiles({ home }: { home: ChildHome }) {
  const [t, ta] = await Promise.all([getTranslations("home"), getTranslations("activity")]);
  const { secondsSince, asleep, lastBreastSide } = home.summary;
  const feedTimer = home.timers.find((timer) => timer.type === "feeding");
  const sleepTimer = home.timers.find((timer) => timer.type === "sleep");
  const serverNow = home.now;
  const sinceStart = (iso: string) => Math.max(0, Math.round((Date.parse(serverNow) - Date.parse(iso)) / 1000));
  const never = <span className={styles.never}>{t("since.never")}</span>;

  const sleeping = sleepTimer !== undefined || asleep;
  const sleepSeconds = sleepTimer ? sinceStart(sleepTimer.startedAt) : secondsSince.sleep;

  return (
    <dl className={styles.tiles} aria-label={t("since.title")}>
      <div className={styles.tile} data-tile="feed">
        <dt>{t("since.feed")}</dt>
        <dd className={styles.value}>
          {feedTimer ? (
            t("since.now")
          ) : secondsSince.feeding !== null ? (
            <SinceTicker seconds={secondsSince.feeding} serverNow={serverNow} />
          ) : (
            never
          )}
        </dd>
        {lastBreastSide && <dd className={styles.sub}>{t("since.lastSide", { side: ta(`sides.${lastBreastSide}`) })}</dd>}
      </div>
      <div className={styles.tile} data-tile="sleep">
        <dt>{sleeping ? t("since.asleep") : sleepSeconds !== null ? t("since.awake") : t("since.sleep")}</dt>
        <dd className={styles.value}>
          {sleepSeconds !== null ? <SinceTicker seconds={sleepSeconds} serverNow={serverNow} ago={false} /> : never}
        </dd>
      </div>
      <div className={styles.tile} data-tile="diaper">
        <dt>{t("since.diaper")}</dt>
        <dd className={styles.value}>
          {secondsSince.diaper !== null ? <SinceTicker seconds={secondsSince.diaper} serverNow={serverNow} /> : never}
        </dd>
      </div>
    </dl>
  );
}
