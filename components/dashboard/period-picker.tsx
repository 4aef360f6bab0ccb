import { Link } from "@/i18n/navigation";

export const PERIODS = [14, 21, 28] as const;
export type Period = (typeof PERIODS)[number];

/** 2, 3 or 4 weeks, as links (the period is part of the address). */
export function PeriodPicker({
  label,
  current,
  text,
  hrefFor,
}: {
  label: string;
  current: Period;
  text: (days: Period) => string;
  hrefFor: (days: Period) => string;
}) {
  return (
    <nav aria-label={label}>
      <ul className="tabs">
        {PERIODS.map((days) => (
          <li key={days}>
            <Link href={hrefFor(days)} aria-current={days === current ? "page" : undefined}>
              {text(days)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
