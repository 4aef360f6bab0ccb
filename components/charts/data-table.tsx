import type { ReactNode } from "react";
import styles from "./charts.module.css";

type Props = {
  /** Text of the disclosure that opens the table. */
  toggle: string;
  caption: string;
  columns: string[];
  rows: { key: string; header: ReactNode; cells: ReactNode[] }[];
};

/** The numbers behind a chart, for screen readers, keyboards and anyone who wants them exact. */
export function DataTable({ toggle, caption, columns, rows }: Props) {
  return (
    <details className={styles.data}>
      <summary>{toggle}</summary>
      {/* Wide tables scroll sideways on phones; focusable so the keyboard can scroll them too. */}
      <div className={styles.tableWrap} role="region" aria-label={caption} tabIndex={0}>
        <table className={styles.table}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.header}</th>
                {r.cells.map((c, i) => (
                  <td key={i}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
