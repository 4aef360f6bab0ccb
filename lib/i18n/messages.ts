import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import de from "@/messages/de.json";
import ptBR from "@/messages/pt-BR.json";
import ar from "@/messages/ar.json";
import type { Locale } from "./config";

export const messagesByLocale = { en, es, fr, de, "pt-BR": ptBR, ar } as const;
export type Messages = typeof en;

/** A translator for server code outside React (API errors, emails, the worker). */
export function serverTranslator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messagesByLocale[locale] as Messages, namespace });
}
