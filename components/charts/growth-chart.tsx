import { AxisBottom, AxisLeft, AxisRight } from "@visx/axis";
import { scaleLinear } from "@visx/scale";
import { DataTable } from "./data-table";
import styles from "./charts.module.css";

type XY = { x: number; y: number };
export type GrowthCurve = { percentile: number; label: string; points: XY[] };
export type GrowthPoint = XY & { key: string; title: string };

type Props = {
  /** What a screen reader hears for the picture: the latest measurement and its percentile. */
  summary: string;
  /** WHO percentile lines, lowest first: 3rd, 15th, 50th, 85th, 97th. */
  curves: GrowthCurve[];
  points: GrowthPoint[];
  /** Age axis, in months. */
  xMax: number;
  xTicks: number[];
  formatX: (months: number) => string;
  formatY: (value: number) => string;
  dir: "ltr" | "rtl";
  legend: { child: string; median: string; inner: string; outer: string };
  table: { toggle: string; caption: string; columns: string[]; rows: { key: string; header: string; cells: string[] }[] };
};

const W = 400;
const H = 230;
const M = { top: 8, bottom: 26, side: 36, end: 30 };

const path = (pts: [number, number][]) => pts.map(([x, y], i) => `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`).join("");

/**
 * A child's measurements over WHO's percentile lines: the 3rd–97th and 15th–85th bands shaded,
 * the median drawn strong, each line named at its end; the child's points joined in time order.
 */
export function GrowthChart({ summary, curves, points, xMax, xTicks, formatX, formatY, dir, legend, table }: Props) {
  const rtl = dir === "rtl";
  const inner: [number, number] = rtl ? [M.end, W - M.side] : [M.side, W - M.end];
  const x = scaleLinear<number>({ domain: [0, xMax], range: rtl ? [inner[1], inner[0]] : inner });
  const ys = [...curves.flatMap((c) => c.points.map((p) => p.y)), ...points.map((p) => p.y)];
  const y = scaleLinear<number>({ domain: [Math.min(...ys), Math.max(...ys)], range: [H - M.bottom, M.top], nice: true });
  const yTicks = y.ticks(5);
  const line = (pts: XY[]) => path(pts.map((p) => [x(p.x), y(p.y)]));
  const band = (low: GrowthCurve, high: GrowthCurve) =>
    `${line(low.points)}L${path([...high.points].reverse().map((p) => [x(p.x), y(p.y)])).slice(1)}Z`;
  const [p3, p15, p50, p85, p97] = curves;
  const Axis = rtl ? AxisRight : AxisLeft;
  const labelX = rtl ? inner[0] - 3 : inner[1] + 3;

  return (
    <figure className={styles.figure}>
      <svg viewBox={`0 0 ${W} ${H}`} className={styles.svg} role="img" aria-label={summary}>
        {yTicks.map((v) => (
          <line key={v} className={styles.grid} x1={inner[0]} x2={inner[1]} y1={y(v)} y2={y(v)} />
        ))}
        <path className={styles.bandOuter} d={band(p3, p97)} />
        <path className={styles.bandInner} d={band(p15, p85)} />
        {curves.map((c) => (
          <path key={c.percentile} className={c === p50 ? styles.median : styles.centile} d={line(c.points)} />
        ))}
        {curves.map((c) => {
          const last = c.points[c.points.length - 1];
          return (
            <text
              key={c.percentile}
              className={styles.axisLabel}
              x={labelX}
              y={y(last.y)}
              dy="0.32em"
              textAnchor={rtl ? "end" : "start"}
              fontSize={9}
            >
              {c.label}
            </text>
          );
        })}
        {points.length > 1 && <path className={styles.childLine} d={line(points)} />}
        {points.map((p) => (
          <circle key={p.key} className={styles.childDot} cx={x(p.x)} cy={y(p.y)} r={3.5}>
            <title>{p.title}</title>
          </circle>
        ))}
        <Axis
          left={rtl ? inner[1] : inner[0]}
          scale={y}
          tickValues={yTicks}
          tickFormat={(v) => formatY(Number(v))}
          hideAxisLine
          hideTicks
          tickLabelProps={{ className: styles.axisLabel, fill: "currentColor", fontSize: 11, dx: rtl ? 2 : -2, fontFamily: "inherit" }}
        />
        <AxisBottom
          top={H - M.bottom}
          scale={x}
          tickValues={xTicks}
          tickFormat={(v) => formatX(Number(v))}
          stroke="currentColor"
          tickStroke="currentColor"
          tickLength={4}
          tickLabelProps={{ className: styles.axisLabel, fill: "currentColor", fontSize: 11, fontFamily: "inherit" }}
        />
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        <li>
          <span className={`${styles.swatch} ${styles.swatchChild}`} />
          {legend.child}
        </li>
        <li>
          <span className={`${styles.swatch} ${styles.swatchMedian}`} />
          {legend.median}
        </li>
        <li>
          <span className={`${styles.swatch} ${styles.swatchInner}`} />
          {legend.inner}
        </li>
        <li>
          <span className={`${styles.swatch} ${styles.swatchOuter}`} />
          {legend.outer}
        </li>
      </ul>
      <DataTable toggle={table.toggle} caption={table.caption} columns={table.columns} rows={table.rows} />
    </figure>
  );
}
