import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { messagesByLocale, type Messages } from "@/lib/i18n/messages";
import type { Alert, ChildPredictions, Insight, MessageRef, Prediction } from "./schema";

/** A message reference as text in `locale` (the key itself when the messages lack it). */
export function messageText(ref: MessageRef, locale: Locale): string {
  const t = createTranslator({ locale, messages: messagesByLocale[locale] as Messages, onError: () => {} });
  try {
    const text = (t as unknown as (key: string, values: Record<string, string | number>) => string)(ref.key, ref.values);
    return text && text !== ref.key ? text : ref.key;
  } catch {
    return ref.key;
  }
}

const withText = (p: Prediction, locale: Locale) => (p ? { ...p, reasonText: messageText(p.reason, locale) } : null);

/** API shapes: each message reference also as text in the request's language. */
export const presentPredictions = (p: ChildPredictions, locale: Locale) => ({
  ...p,
  nextFeed: withText(p.nextFeed, locale),
  nextSleep: withText(p.nextSleep, locale),
});
export const presentInsight = (i: Insight, locale: Locale) => ({ ...i, text: messageText(i.message, locale) });
export const presentAlert = (a: Alert, locale: Locale) => ({ ...a, text: messageText(a.message, locale) });
