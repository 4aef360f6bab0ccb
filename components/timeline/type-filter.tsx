import { Link } from "@/i18n/navigation";
import { activityTypes, type ActivityType } from "@/lib/activities/schema";
import styles from "./timeline.module.css";

type Props = {
  label: string;
  allLabel: string;
  typeLabel: (type: ActivityType) => string;
  current: ActivityType | null;
  hrefFor: (type: ActivityType | null) => string;
};

/** Filter chips as links, so a filtered day has its own address (shareable, back button works). */
export function TypeFilter({ label, allLabel, typeLabel, current, hrefFor }: Props) {
  return (
    <nav aria-label={label}>
      <ul className={styles.filters}>
        <li>
          <Link href={hrefFor(null)} aria-current={current === null ? "page" : undefined}>
            {allLabel}
          </Link>
        </li>
        {activityTypes.map((type) => (
          <li key={type}>
            <Link href={hrefFor(type)} aria-current={current === type ? "page" : undefined}>
              {typeLabel(type)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
