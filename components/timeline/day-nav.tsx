import { Link } from "@/i18n/navigation";
import styles from "./timeline.module.css";

type Props = {
  title: string;
  subtitle: string;
  previous: { href: string; label: string };
  /** No next day after today: the link is shown disabled. */
  next: { href: string | null; label: string };
};

/** Previous / next day around the day's name; plain links, so keyboard and back button just work. */
export function DayNav({ title, subtitle, previous, next }: Props) {
  return (
    <div className={styles.dayNav}>
      <Link href={previous.href} className={styles.dayLink} rel="prev">
        <span className={styles.arrow} aria-hidden="true">
          ←
        </span>
        <span className={styles.linkText}>{previous.label}</span>
      </Link>
      <div className={styles.dayTitle}>
        <h2 id="day-heading">{title}</h2>
        <p className="muted">{subtitle}</p>
      </div>
      {next.href ? (
        <Link href={next.href} className={styles.dayLink} rel="next">
          <span className={styles.linkText}>{next.label}</span>
          <span className={styles.arrow} aria-hidden="true">
            →
          </span>
        </Link>
      ) : (
        <a className={styles.dayLink} aria-disabled="true" role="link">
          <span className={styles.linkText}>{next.label}</span>
          <span className={styles.arrow} aria-hidden="true">
            →
          </span>
        </a>
      )}
    </div>
  );
}
