import { AxisLeft, AxisRight } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import type { Lane, Marker, SleepBlock } from "@/lib/analytics/day-chart";
import { DataTable } from "@/components/charts/data-table";
import chartStyles from "@/components/charts/charts.module.css";
import styles from "./timeline.module.css";

type Props = {
  start: number;
  end: number;
  /** One tick per wall-clock hour of the day (from hourBoundaries); labelled ones are printed. */
  hours: { at: number; label: string | null }[];
  sleeps: SleepBlock[];
  markers: Marker[];
  /** The "now" line, when the day shown is today. */
  now: number | null;
  laneLabels: Record<Lane, string>;
  /** Tooltip and table text of each item by entry id ("Bottle 120 ml, 08:05"). */
  describe: Record<string, { kind: string; from: string; to: string }>;
  summary: string;
  dir: "ltr" | "rtl";
  table: { toggle: string; caption: string; kind: string; from: string; to: string };
};

const LANES: Lane[] = ["sleep", "feeding", "diaper", "other"];
const W = 300;
const H = 600;
const M = { top: 26, bottom: 8, axis: 52, end: 4 };

/** The day as one column, day start at the top: sleep as blocks, everything else as marks. */
export function DayChart({ start, end, hours, sleeps, markers, now, laneLabels, describe, summary, dir, table }: Props) {
  const rtl = dir === "rtl";
  const y = scaleLinear<number>({ domain: [start, end], range: [M.top, H - M.bottom] });
  const lane = scaleBand<Lane>({ domain: LANES, range: rtl ? [W - M.axis, M.end] : [M.axis, W - M.end], paddingInner: 0.12 });
  const width = lane.bandwidth();
  const center = (l: Lane) => (lane(l) ?? 0) + width / 2;
  const Axis = rtl ? AxisRight : AxisLeft;
  const labelled = hours.filter((h) => h.label !== null);
  const rows = [...sleeps.map((s) => ({ id: s.id, at: s.from })), ...markers.map((m) => ({ id: m.id, at: m.at }))].sort(
    (a, b) => a.at - b.at,
  );

  return (
    <figure className={chartStyles.figure}>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className={`${chartStyles.svg} ${styles.dayChart}`}
        role="img"
        aria-label={summary}
        data-testid="day-chart"
      >
        {LANES.map((l) => (
          <text key={l} className={chartStyles.strongLabel} x={center(l)} y={M.top - 10} textAnchor="middle">
            {laneLabels[l]}
          </text>
        ))}
        {hours.map((h) => (
          <line
            key={h.at}
            className={chartStyles.grid}
            x1={rtl ? M.end : M.axis}
            x2={rtl ? W - M.axis : W - M.end}
            y1={y(h.at)}
            y2={y(h.at)}
            strokeOpacity={h.label ? 1 : 0.45}
          />
        ))}
        <Group>
          {sleeps.map((s) => (
            <Bar
              key={s.id}
              className={`${chartStyles.tone0} ${s.ongoing ? styles.ongoing : ""}`}
              x={lane("sleep")}
              y={y(s.from)}
              width={width}
              height={Math.max(2, y(s.to) - y(s.from))}
              rx={4}
              data-kind="sleep"
              data-entry-id={s.id}
            >
              <title>{`${describe[s.id]?.kind}: ${describe[s.id]?.from} – ${describe[s.id]?.to}`}</title>
            </Bar>
          ))}
          {markers.map((m) => {
            const cx = center(m.lane);
            const cy = y(m.at);
            const title = <title>{`${describe[m.id]?.kind}: ${describe[m.id]?.from}`}</title>;
            const common = { "data-kind": m.type, "data-entry-id": m.id };
            if (m.lane === "feeding")
              return (
                <circle key={m.id} className={styles.feedMark} cx={cx} cy={cy} r={6} {...common}>
                  {title}
                </circle>
              );
            if (m.lane === "diaper")
              return (
                <rect
                  key={m.id}
                  className={styles.diaperMark}
                  x={cx - 5}
                  y={cy - 5}
                  width={10}
                  height={10}
                  transform={`rotate(45 ${cx} ${cy})`}
                  {...common}
                >
                  {title}
                </rect>
              );
            return (
              <path key={m.id} className={styles.otherMark} d={`M${cx},${cy - 6}L${cx + 6},${cy + 5}L${cx - 6},${cy + 5}Z`} {...common}>
                {title}
              </path>
            );
          })}
        </Group>
        {now !== null && now > start && now < end && (
          <line className={styles.nowLine} x1={rtl ? M.end : M.axis} x2={rtl ? W - M.axis : W - M.end} y1={y(now)} y2={y(now)} />
        )}
        <Axis
          left={rtl ? W - M.axis : M.axis}
          scale={y}
          tickValues={labelled.map((h) => h.at)}
          tickFormat={(v) => labelled.find((h) => h.at === Number(v))?.label ?? ""}
          hideAxisLine
          hideTicks
          tickLabelProps={{ className: chartStyles.axisLabel, fill: "currentColor", fontSize: 11, dx: rtl ? 4 : -4, fontFamily: "inherit" }}
        />
      </svg>
      <DataTable
        toggle={table.toggle}
        caption={table.caption}
        columns={[table.kind, table.from, table.to]}
        rows={rows.map((r) => ({ key: r.id, header: describe[r.id]?.kind, cells: [describe[r.id]?.from, describe[r.id]?.to] }))}
      />
    </figure>
  );
}
