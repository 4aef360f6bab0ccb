import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { loadChildPage } from "../child-page";
import { getFamily } from "@/lib/families/service";
import { listActivitiesBetween } from "@/lib/activities/service";
import { activityTypes, type ActivityType } from "@/lib/activities/schema";
import { currentDate, dayRangeOf, hourBoundaries, isDateString, shiftDate } from "@/lib/analytics/day-range";
import { dayChartItems, entriesOfDay, laneOf } from "@/lib/analytics/day-chart";
import { localeDirection } from "@/lib/i18n/config";
import { entryKind } from "@/components/activities/entry-summary";
import { ChildTabs } from "@/components/dashboard/child-tabs";
import { DayChart } from "@/components/timeline/day-chart";
import { DayEntries } from "@/components/timeline/day-entries";
import { DayNav } from "@/components/timeline/day-nav";
import { SwipeDays } from "@/components/timeline/swipe-days";
import { TypeFilter } from "@/components/timeline/type-filter";
import styles from "@/components/timeline/timeline.module.css";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ child?: string; date?: string; type?: string }>;
};

const DAY_MS = 24 * 3600_000;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "timeline" });
  return { title: t("title") };
}

export default async function TimelinePage({ params, searchParams }: Props) {
  const [{ locale }, query] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const [{ actor, user, children, child }, t, format] = await Promise.all([
    loadChildPage(locale, query.child),
    getTranslations("timeline"),
    getFormatter(),
  ]);
  if (!child) {
    return (
      <main id="main">
        <h1>{t("title")}</h1>
        <p>{t("noChildren")}</p>
        <Link href="/children/new">{t("addChild")}</Link>
      </main>
    );
  }

  const tz = child.timezone;
  const { dayStartHour, units } = user.settings;
  const now = new Date();
  const today = currentDate(now, tz, dayStartHour);
  const date = isDateString(query.date) && query.date <= today ? query.date : today;
  const type = (activityTypes as readonly string[]).includes(query.type ?? "") ? (query.type as ActivityType) : null;
  const range = dayRangeOf(date, tz, dayStartHour);

  const href = (over: { child?: string; date?: string; type?: ActivityType | null }) => {
    const next = { child: child.id, date, type, ...over };
    const qs = new URLSearchParams({ child: next.child, date: next.date, ...(next.type && { type: next.type }) });
    return `/timeline?${qs}`;
  };

  // A night that began the evening before still shows at the top of the day.
  const [family, fetched] = await Promise.all([
    getFamily({ actor, familyId: child.familyId }),
    listActivitiesBetween({ actor, childId: child.id, from: new Date(range.start.getTime() - DAY_MS), to: range.end }),
  ]);
  const shown = type ? fetched.filter((e) => e.type === type) : fetched;
  const dayEntries = entriesOfDay(shown, range);
  const { sleeps, markers } = dayChartItems(shown, range, now);
  const memberNames = Object.fromEntries(family.members.map((m) => [m.userId, m.name]));

  const [ta, te] = await Promise.all([getTranslations("activity"), getTranslations("charts")]);
  const time = (ms: number) => format.dateTime(new Date(ms), { timeZone: tz, hour: "numeric", minute: "2-digit" });
  const dayName = format.dateTime(new Date(`${date}T12:00:00Z`), { timeZone: "UTC", weekday: "long", day: "numeric", month: "long" });
  const title = date === today ? t("today") : date === shiftDate(today, -1) ? t("yesterday") : dayName;
  const subtitle = `${date === today || date === shiftDate(today, -1) ? `${dayName} · ` : ""}${t("dayRange", { start: time(range.start.getTime()), end: time(range.end.getTime()) })}`;

  const byId = new Map(shown.map((e) => [e.id, e]));
  const describe = Object.fromEntries(
    [...sleeps.map((s) => s.id), ...markers.map((m) => m.id)].map((id) => {
      const e = byId.get(id)!;
      const end = e.endedAt ? time(Date.parse(e.endedAt)) : e.type === "sleep" ? t("stillAsleep") : "";
      return [id, { kind: ta(`kinds.${entryKind(e)}`), from: time(Date.parse(e.startedAt)), to: end }];
    }),
  );
  const sleepMinutes = Math.round(sleeps.reduce((sum, s) => sum + (s.to - s.from), 0) / 60_000);
  const count = (lane: string) => markers.filter((m) => laneOf(m.type) === lane).length;
  const summary = t("chartSummary", {
    start: time(range.start.getTime()),
    end: time(range.end.getTime()),
    sleeps: sleeps.length,
    sleepTime: t("hoursMinutes", { hours: Math.floor(sleepMinutes / 60), minutes: sleepMinutes % 60 }),
    feeds: count("feeding"),
    diapers: count("diaper"),
    others: count("other"),
  });
  const cuts = hourBoundaries(date, tz, dayStartHour);
  const hours = cuts.slice(0, 24).map((at, i) => ({
    at: at.getTime(),
    label: i % 3 === 0 ? format.dateTime(at, { timeZone: tz, hour: "numeric" }) : null,
  }));
  const previousHref = href({ date: shiftDate(date, -1) });
  const nextHref = date < today ? href({ date: shiftDate(date, 1) }) : null;

  return (
    <main id="main" className={styles.page}>
      <div className={styles.header}>
        <h1>
          {t("title")} · {child.name}
        </h1>
      </div>
      <ChildTabs items={children} currentId={child.id} label={t("chooseChild")} hrefFor={(id) => href({ child: id, type: null })} />
      <section aria-labelledby="day-heading">
        <DayNav
          title={title}
          subtitle={subtitle}
          previous={{ href: previousHref, label: t("previousDay") }}
          next={{ href: nextHref, label: t("nextDay") }}
        />
        <TypeFilter
          label={t("filterLabel")}
          allLabel={t("all")}
          typeLabel={(k) => t(`types.${k}`)}
          current={type}
          hrefFor={(k) => href({ type: k })}
        />
        <SwipeDays previousHref={previousHref} nextHref={nextHref}>
          <div className={styles.layout}>
            <section className={styles.card} aria-labelledby="entries-heading">
              <h2 id="entries-heading">{t("entriesHeading")}</h2>
              <DayEntries
                entries={dayEntries}
                timeZone={tz}
                units={units}
                memberNames={memberNames}
                meId={user.id}
                emptyText={type ? t("emptyFiltered") : t("empty")}
              />
            </section>
            <section className={styles.card} aria-labelledby="chart-heading">
              <h2 id="chart-heading">{t("chartHeading")}</h2>
              <DayChart
                start={range.start.getTime()}
                end={range.end.getTime()}
                hours={hours}
                sleeps={sleeps}
                markers={markers}
                now={date === today ? now.getTime() : null}
                laneLabels={{ sleep: t("lanes.sleep"), feeding: t("lanes.feeding"), diaper: t("lanes.diaper"), other: t("lanes.other") }}
                describe={describe}
                summary={summary}
                dir={localeDirection(locale)}
                table={{ toggle: te("showData"), caption: t("chartCaption"), kind: te("kind"), from: te("from"), to: te("to") }}
              />
            </section>
          </div>
        </SwipeDays>
      </section>
    </main>
  );
}
