import { describe, expect, it } from "vitest";
import { messagesByLocale } from "./messages";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("messages", () => {
  const en = leaves(messagesByLocale.en as unknown as Tree);

  for (const [locale, messages] of Object.entries(messagesByLocale)) {
    if (locale === "en") continue;
    const other = leaves(messages as unknown as Tree);

    it(`${locale} has exactly the keys of en`, () => {
      expect([...other.keys()].sort()).toEqual([...en.keys()].sort());
    });

    it(`${locale} uses the same ICU placeholders as en`, () => {
      for (const [key, message] of en) {
        if (other.has(key))
          expect({ key, placeholders: placeholders(other.get(key)!) }).toEqual({ key, placeholders: placeholders(message) });
      }
    });

    it(`${locale} has no empty messages`, () => {
      expect([...other].filter(([, m]) => m.trim() === "").map(([k]) => k)).toEqual([]);
    });
  }
});
