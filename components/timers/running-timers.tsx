import { getFormatter, getTranslations } from "next-intl/server";
import type { TimerDto } from "@/lib/timers/schema";
import type { TimerActions } from "@/components/activities/quick-types";
import { TimerCard } from "./timer-card";
import styles from "./timers.module.css";

type Props = {
  timers: TimerDto[];
  serverNow: string;
  timeZone: string;
  meId: string;
  memberNames: Record<string, string>;
  /** Left out for viewers: they see the timers but cannot control them. */
  actions?: TimerActions;
};

/** The child's running and paused timers, whoever started them, on whichever phone. */
export async function RunningTimers({ timers, serverNow, timeZone, meId, memberNames, actions }: Props) {
  if (timers.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("timers"), getFormatter()]);
  return (
    <section aria-labelledby="running-heading">
      <h2 id="running-heading">{t("title")}</h2>
      <div className={styles.list}>
        {timers.map((timer) => {
          const time = format.dateTime(new Date(timer.startedAt), { timeZone, hour: "numeric", minute: "2-digit" });
          const startedLine =
            timer.createdById === meId
              ? t("startedByYou", { time })
              : t("startedBy", { time, name: memberNames[timer.createdById] ?? t("someone") });
          return (
            <TimerCard
              key={timer.id}
              timer={{
                id: timer.id,
                type: timer.type,
                state: timer.state,
                side: timer.side,
                segments: timer.segments,
                startedAt: timer.startedAt,
                version: timer.version,
              }}
              serverNow={serverNow}
              startedLine={startedLine}
              actions={actions}
            />
          );
        })}
      </div>
    </section>
  );
}
