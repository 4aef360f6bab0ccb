import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { transcriptionTarget } from "@/lib/ai/transcribe";
import { ChildTabs } from "@/components/dashboard/child-tabs";
import { AssistantChat } from "@/components/assistant/assistant-chat";
import styles from "@/components/assistant/assistant.module.css";
import { loadChildPage } from "../child-page";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ child?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "assistant" });
  return { title: t("title") };
}

export default async function AssistantPage({ params, searchParams }: Props) {
  const [{ locale }, query] = await Promise.all([params, searchParams]);
  setRequestLocale(locale);
  const [{ user, children, child }, t] = await Promise.all([loadChildPage(locale, query.child), getTranslations("assistant")]);
  if (!child) {
    return (
      <main id="main">
        <h1>{t("title")}</h1>
        <p>{t("noChildren")}</p>
        <Link href="/children/new">{t("addChild")}</Link>
      </main>
    );
  }
  // Whisper through /api/transcribe when a Whisper server (or OpenAI's) is configured.
  const serverTranscription = transcriptionTarget() !== null;
  return (
    <main id="main" className={styles.page}>
      <h1>
        {t("title")} · {child.name}
      </h1>
      <ChildTabs items={children} currentId={child.id} label={t("chooseChild")} hrefFor={(id) => `/assistant?child=${id}`} />
      <p className={`muted ${styles.disclaimer}`}>{t("disclaimer")}</p>
      <AssistantChat
        key={child.id}
        child={{ id: child.id, name: child.name, timezone: child.timezone }}
        locale={locale}
        units={user.settings.units}
        serverTranscription={serverTranscription}
      />
    </main>
  );
}
