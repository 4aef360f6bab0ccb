import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { feedingMethods, logKinds, type LogKind } from "./log-fields";

export function logHref(kind: LogKind, childId: string): string {
  return (feedingMethods as readonly string[]).includes(kind)
    ? `/log/feeding?child=${childId}&method=${kind}`
    : `/log/${kind}?child=${childId}`;
}

/** One big button per kind of entry; the most frequent at night come first. */
export async function QuickLog({ childId }: { childId: string }) {
  const t = await getTranslations("activity");
  return (
    <ul className="quick-log">
      {logKinds.map((kind) => (
        <li key={kind}>
          <Link href={logHref(kind, childId)} className="button quick-log-button">
            {t(`kinds.${kind}`)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
