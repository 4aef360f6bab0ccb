/*
 * Charts are SVG rendered by server components with visx (@visx/scale, @visx/shape, @visx/axis,
 * @visx/group — Airbnb's modular D3-based primitives). Chosen because they render on the server,
 * so the timeline and dashboard ship no chart JavaScript at all; each package is small and
 * tree-shakes; and they draw plain SVG we control, so every chart gets role="img", a spoken
 * summary and a table with the same numbers (Chart.js / ECharts draw to canvas and need the client;
 * Recharts needs the client and is far larger).
 */
import { AxisBottom, AxisLeft, AxisRight } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";
import { DataTable } from "./data-table";
import { Legend } from "./legend";
import styles from "./charts.module.css";

export type BarSeries = { key: string; label: string; tone: 0 | 1; values: number[] };
export type Category = { key: string; label: string; tick?: string };

type Props = {
  /** What a screen reader hears for the picture: the numbers that matter, in a sentence. */
  summary: string;
  categories: Category[];
  series: BarSeries[];
  /** Stacked bars add up to a total (day + night sleep); grouped bars sit side by side (wet, dirty). */
  mode?: "stacked" | "grouped";
  format: (value: number) => string;
  /** Only whole-number ticks (counts). */
  integer?: boolean;
  dir: "ltr" | "rtl";
  table: { toggle: string; caption: string; category: string; total?: string };
};

const W = 400;
const H = 190;
const M = { top: 8, bottom: 26, side: 34, end: 6 };

export function BarChart({ summary, categories, series, mode = "grouped", format, integer = false, dir, table }: Props) {
  const rtl = dir === "rtl";
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + s.values[i], 0));
  const max = mode === "stacked" ? Math.max(0, ...totals) : Math.max(0, ...series.flatMap((s) => s.values));
  const y = scaleLinear<number>({ domain: [0, max > 0 ? max : 1], range: [H - M.bottom, M.top], nice: true });
  const inner: [number, number] = rtl ? [M.end, W - M.side] : [M.side, W - M.end];
  // Time runs with the reading direction: right to left in Arabic.
  const x = scaleBand<string>({
    domain: categories.map((c) => c.key),
    range: rtl ? [inner[1], inner[0]] : inner,
    padding: 0.2,
  });
  const groupX = scaleBand<string>({ domain: series.map((s) => s.key), range: [0, x.bandwidth()], padding: 0.05 });
  const yTicks = y.ticks(4).filter((v) => !integer || Number.isInteger(v));
  const ticked = categories.filter((c) => c.tick);
  const Axis = rtl ? AxisRight : AxisLeft;

  return (
    <figure className={styles.figure}>
      <svg viewBox={`0 0 ${W} ${H}`} className={styles.svg} role="img" aria-label={summary}>
        {yTicks.map((v) => (
          <line key={v} className={styles.grid} x1={inner[0]} x2={inner[1]} y1={y(v)} y2={y(v)} />
        ))}
        {categories.map((c, i) => {
          const x0 = x(c.key) ?? 0;
          let base = 0;
          return (
            <Group key={c.key}>
              {series.map((s) => {
                const v = s.values[i];
                if (v <= 0) return null;
                const top = mode === "stacked" ? y(base + v) : y(v);
                const bottom = mode === "stacked" ? y(base) : y(0);
                base += v;
                const gx = mode === "grouped" ? (groupX(s.key) ?? 0) : 0;
                const width = mode === "grouped" ? groupX.bandwidth() : x.bandwidth();
                return (
                  <Bar
                    key={s.key}
                    className={s.tone ? styles.tone1 : styles.tone0}
                    x={x0 + (rtl && mode === "grouped" ? x.bandwidth() - gx - width : gx)}
                    y={top}
                    width={width}
                    height={Math.max(0, bottom - top)}
                  >
                    <title>{`${c.label} · ${s.label}: ${format(v)}`}</title>
                  </Bar>
                );
              })}
            </Group>
          );
        })}
        <Axis
          left={rtl ? W - M.side : M.side}
          scale={y}
          tickValues={yTicks}
          tickFormat={(v) => format(Number(v))}
          hideAxisLine
          hideTicks
          tickLabelProps={{ className: styles.axisLabel, fill: "currentColor", fontSize: 11, dx: rtl ? 2 : -2, fontFamily: "inherit" }}
        />
        <AxisBottom
          top={H - M.bottom}
          scale={x}
          tickValues={ticked.map((c) => c.key)}
          tickFormat={(k) => ticked.find((c) => c.key === k)?.tick}
          stroke="currentColor"
          tickStroke="currentColor"
          tickLength={4}
          tickLabelProps={{ className: styles.axisLabel, fill: "currentColor", fontSize: 11, fontFamily: "inherit" }}
        />
      </svg>
      {series.length > 1 && <Legend items={series.map((s) => ({ label: s.label, tone: s.tone }))} />}
      <DataTable
        toggle={table.toggle}
        caption={table.caption}
        columns={[table.category, ...series.map((s) => s.label), ...(mode === "stacked" && table.total ? [table.total] : [])]}
        rows={categories.map((c, i) => ({
          key: c.key,
          header: c.label,
          cells: [...series.map((s) => format(s.values[i])), ...(mode === "stacked" && table.total ? [format(totals[i])] : [])],
        }))}
      />
    </figure>
  );
}
