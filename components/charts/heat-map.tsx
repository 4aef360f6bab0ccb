import { Group } from "@visx/group";
import { scaleBand } from "@visx/scale";
import { DataTable } from "./data-table";
import styles from "./charts.module.css";

export type HeatRow = { key: string; label: string; tick: string; cells: { sleepMinutes: number; feeds: number }[] };

type Props = {
  summary: string;
  rows: HeatRow[];
  /** The 24 column headings (wall-clock hours from the day start), and which of them to print on the axis. */
  hours: { label: string; tick: boolean }[];
  dir: "ltr" | "rtl";
  legend: { sleep: string; feeds: string };
  tables: { sleepCaption: string; feedsCaption: string; day: string };
  formatNumber: (value: number) => string;
};

const CELL = 14;
const M = { top: 16, side: 60, end: 4, bottom: 4 };

/**
 * Days down, hours across: a cell's shade is the minutes asleep in that hour, a dot marks feeds
 * (bigger for more than one). Bedtimes and feeding rhythms show up as vertical bands.
 */
export function HeatMap({ summary, rows, hours, dir, legend, tables, formatNumber }: Props) {
  const rtl = dir === "rtl";
  const W = M.side + hours.length * CELL + M.end;
  const H = M.top + rows.length * CELL + M.bottom;
  const columns = hours.map((_, i) => String(i));
  const x = scaleBand<string>({ domain: columns, range: rtl ? [W - M.side, M.end] : [M.side, W - M.end], padding: 0.06 });
  const y = scaleBand<string>({ domain: rows.map((r) => r.key), range: [M.top, H - M.bottom], padding: 0.06 });
  const labelX = rtl ? W - M.side + 4 : M.side - 4;
  const anchor = rtl ? "start" : "end";

  return (
    <figure className={styles.figure}>
      <svg viewBox={`0 0 ${W} ${H}`} className={styles.svg} role="img" aria-label={summary}>
        {hours.map((h, i) =>
          h.tick ? (
            <text
              key={i}
              className={styles.axisLabel}
              x={(x(String(i)) ?? 0) + x.bandwidth() / 2}
              y={M.top - 5}
              textAnchor="middle"
              fontSize={9}
            >
              {h.label}
            </text>
          ) : null,
        )}
        {rows.map((r) => {
          const top = y(r.key) ?? 0;
          return (
            <Group key={r.key}>
              <text
                className={styles.axisLabel}
                x={labelX}
                y={top + y.bandwidth() / 2}
                dominantBaseline="central"
                textAnchor={anchor}
                fontSize={9}
              >
                {r.tick}
              </text>
              {r.cells.map((c, i) => {
                const left = x(String(i)) ?? 0;
                const size = x.bandwidth();
                return (
                  <g key={i}>
                    <rect className={styles.grid} x={left} y={top} width={size} height={y.bandwidth()} fill="none" />
                    {c.sleepMinutes > 0 && (
                      <rect
                        className={styles.tone0}
                        x={left}
                        y={top}
                        width={size}
                        height={y.bandwidth()}
                        fillOpacity={0.15 + 0.85 * Math.min(1, c.sleepMinutes / 60)}
                      />
                    )}
                    {c.feeds > 0 && (
                      <circle className={styles.feedDot} cx={left + size / 2} cy={top + y.bandwidth() / 2} r={c.feeds > 1 ? 4 : 2.6} />
                    )}
                  </g>
                );
              })}
            </Group>
          );
        })}
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        <li>
          <span className={`${styles.swatch} ${styles.tone0}`} />
          {legend.sleep}
        </li>
        <li>
          <svg width="12" height="12" viewBox="0 0 12 12">
            <circle className={styles.feedDot} cx="6" cy="6" r="4" />
          </svg>
          {legend.feeds}
        </li>
      </ul>
      <DataTable
        toggle={tables.sleepCaption}
        caption={tables.sleepCaption}
        columns={[tables.day, ...hours.map((h) => h.label)]}
        rows={rows.map((r) => ({ key: r.key, header: r.label, cells: r.cells.map((c) => formatNumber(c.sleepMinutes)) }))}
      />
      <DataTable
        toggle={tables.feedsCaption}
        caption={tables.feedsCaption}
        columns={[tables.day, ...hours.map((h) => h.label)]}
        rows={rows.map((r) => ({ key: r.key, header: r.label, cells: r.cells.map((c) => formatNumber(c.feeds)) }))}
      />
    </figure>
  );
}
