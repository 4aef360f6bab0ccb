/**
 * Folds text for matching phrases in any of the UI languages: lower case, no accents
 * (é → e, ç → c, ß → ss), Arabic without tashkeel and with one form of alef, yeh and teh
 * marbuta, typographic apostrophes made plain, runs of spaces made one.
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[\u064b-\u0655\u0670\u0640]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .replace(/[’‘`´]/g, "'")
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/٫/g, ".")
    .replace(/\s+/g, " ")
    .trim();
}

/** True when any pattern matches the normalised text. Patterns are written normalised too. */
export function matchesAny(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => p.test(text));
}
