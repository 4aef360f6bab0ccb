import { gzipSync } from "node:zlib";

export type ScriptFile = { url: string; rawKb: number; gzipKb: number; servedEncoding: string };

export type PageScripts = {
  files: number;
  /** Sum of the files as served, uncompressed. */
  rawKb: number;
  /** Sum of each file gzipped here (zlib level 6, what `next start`'s compression uses). */
  gzipKb: number;
  /** Content-Encodings `next start` answered with when asked for gzip (it leaves files under 1 kB alone). */
  servedEncoding: string;
  /** Scripts a modern browser skips (<script nomodule>: Next's polyfills), not counted above. */
  skippedNoModule: string[];
  /** Bytes of inline <script> in the HTML (the RSC payload), uncompressed: part of the HTML, not counted above. */
  inlineKb: number;
  byFile: ScriptFile[];
};

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/**
 * The JavaScript a first visit of `path` loads: every external script its HTML names (<script src>,
 * and <link rel="preload"/"modulepreload" as="script">), fetched and measured. That is Next.js's
 * "first-load JS" of a route (the build no longer prints it under Turbopack); what the page loads
 * after that (prefetches) is not counted.
 */
export async function scriptsOfPage(baseUrl: string, path: string, cookie: string): Promise<PageScripts> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie }, redirect: "manual" });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} (not signed in?)`);
  const html = await res.text();
  const srcs = new Set<string>();
  const skippedNoModule: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
    const src = /\ssrc="([^"]+)"/.exec(m[1])?.[1];
    if (!src) continue;
    if (/\snomodule\b/i.test(m[1])) skippedNoModule.push(src);
    else srcs.add(src);
  }
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const href = /href="([^"]+)"/.exec(tag)?.[1];
    if (href && /rel="(?:preload|modulepreload)"/.test(tag) && /as="script"/.test(tag)) srcs.add(href);
  }
  const inline = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce(
    (sum, m) => sum + Buffer.byteLength(m[1]),
    0,
  );
  const byFile: ScriptFile[] = [];
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    const file = await fetch(new URL(src.replace(/&amp;/g, "&"), baseUrl), { headers: { "accept-encoding": "gzip" } });
    if (!file.ok) throw new Error(`GET ${src}: ${file.status}`);
    const body = Buffer.from(await file.arrayBuffer());
    const gz = gzipSync(body, { level: 6 }).length;
    raw += body.length;
    gzip += gz;
    byFile.push({ url: src, rawKb: kb(body.length), gzipKb: kb(gz), servedEncoding: file.headers.get("content-encoding") ?? "identity" });
  }
  return {
    files: srcs.size,
    rawKb: kb(raw),
    gzipKb: kb(gzip),
    servedEncoding: [...new Set(byFile.map((f) => f.servedEncoding))].join(", "),
    skippedNoModule,
    inlineKb: kb(inline),
    byFile: byFile.sort((a, b) => b.gzipKb - a.gzipKb),
  };
}
