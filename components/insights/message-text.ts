import type { MessageRef } from "@/lib/analytics/types";

type Translator = { has: (key: string) => boolean } & ((key: string, values?: Record<string, string | number>) => string);

/** A message reference as text through a root translator; null when the messages lack the key. */
export function refText(t: unknown, ref: MessageRef): string | null {
  const tr = t as Translator;
  return tr.has(ref.key) ? tr(ref.key, ref.values) : null;
}
