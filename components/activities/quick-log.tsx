import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { feedingMethods, logKinds, type LogKind } from "./log-fields";

/** What gets logged at night; everything else waits behind "More" so entries stay in view. */
const PRIMARY: LogKind[] = ["bottle", "breast", "diaper", "sleep"];

export function logHref(kind: LogKind, childId: string): string {
  return (feedingMethods as readonly string[]).includes(kind)
    ? `/log/feeding?child=${childId}&method=${kind}`
    : `/log/${kind}?child=${childId}`;
}

export async function QuickLog({ childId }: { childId: string }) {
  const [t, th] = await Promise.all([getTranslations("activity"), getTranslations("home")]);
  const button = (kind: LogKind) => (
    <li key={kind}>
      <Link href={logHref(kind, childId)} className="button quick-log-button">
        {t(`kinds.${kind}`)}
      </Link>
    </li>
  );
  return (
    <>
      <ul className="quick-log">{PRIMARY.map(button)}</ul>
      <details className="quick-log-more">
        <summary>{th("moreKinds")}</summary>
        <ul className="quick-log">{logKinds.filter((k) => !PRIMARY.includes(k)).map(button)}</ul>
      </details>
    </>
  );
}
