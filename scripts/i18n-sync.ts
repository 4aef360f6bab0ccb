/**
 * Keeps every messages/<locale>.json shaped like messages/en.json: missing keys are filled with
 * the English text (to be translated), keys that en no longer has are dropped. `--missing` lists,
 * per locale, the keys whose text is still identical to English.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { locales } from "../lib/i18n/config";

type Tree = { [key: string]: string | Tree };
const dir = path.join(__dirname, "..", "messages");
const read = (locale: string): Tree => JSON.parse(readFileSync(path.join(dir, `${locale}.json`), "utf8"));

function shape(en: Tree, other: Tree | undefined): Tree {
  const out: Tree = {};
  for (const [key, value] of Object.entries(en)) {
    const mine = other?.[key];
    if (typeof value === "string") out[key] = typeof mine === "string" && mine.trim() !== "" ? mine : value;
    else out[key] = shape(value, typeof mine === "object" ? mine : undefined);
  }
  return out;
}

function sameAsEnglish(en: Tree, other: Tree, prefix = ""): string[] {
  return Object.entries(en).flatMap(([key, value]) => {
    const p = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") return other[key] === value ? [p] : [];
    return sameAsEnglish(value, other[key] as Tree, p);
  });
}

const en = read("en");
for (const locale of locales) {
  if (locale === "en") continue;
  const synced = shape(en, read(locale));
  writeFileSync(path.join(dir, `${locale}.json`), JSON.stringify(synced, null, 2) + "\n");
  if (process.argv.includes("--missing")) {
    const same = sameAsEnglish(en, synced);
    console.log(`${locale}: ${same.length} messages identical to English${same.length ? ":\n  " + same.join("\n  ") : ""}`);
  }
}
