import styles from "./charts.module.css";

/** Colour keys of a chart (the table carries the same information for screen readers). */
export function Legend({ items }: { items: { label: string; tone: 0 | 1 }[] }) {
  return (
    <ul className={styles.legend} aria-hidden="true">
      {items.map((item) => (
        <li key={item.label}>
          <span className={`${styles.swatch} ${item.tone ? styles.tone1 : styles.tone0}`} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
