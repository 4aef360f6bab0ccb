// One Lighthouse navigation in a fresh headless Chromium, in plain Node: under tsx (esbuild with
// keepNames) Lighthouse's page functions carry `__name(...)` calls, which fail once serialized
// into the page ("__name is not defined"). bench/ui/lighthouse.ts runs this file with `node`.
// Input: argv[2] = JSON { url, preset: "mobile" | "desktop", cookie, chromePath }; argv[3] = file
// to write the summary to (JSON).
import { writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";

const { url, preset, cookie, chromePath } = JSON.parse(process.argv[2]);
const out = process.argv[3];

// Debian's Chromium, headless, kept off the (closed) network of this machine.
const chromeFlags = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const chrome = await chromeLauncher.launch({ chromePath, chromeFlags, logLevel: "silent" });
try {
  const result = await lighthouse(
    url,
    {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
      extraHeaders: { Cookie: cookie },
    },
    // Mobile is Lighthouse's default config (Moto G Power, simulated throttling); desktop its preset.
    preset === "desktop" ? desktopConfig : undefined,
  );
  if (!result) throw new Error("Lighthouse returned no result");
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
  const numeric = (id) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
  const scripts = (lhr.audits["network-requests"]?.details?.items ?? []).filter((r) => r.resourceType === "Script");
  const kb = (bytes) => Math.round(bytes / 102.4) / 10;
  const failing = (category) =>
    (lhr.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => ref.id);
  // What a failing audit found: the elements (target-size, contrast) or the messages (errors-in-console).
  const findings = (id) =>
    (lhr.audits[id]?.details?.items ?? [])
      .slice(0, 5)
      .map((item) =>
        [item.node?.selector, item.node?.snippet, item.source, item.description, item.sourceLocation?.url]
          .filter(Boolean)
          .join(" | ")
          .slice(0, 300),
      );
  const failed = { accessibility: failing("accessibility"), bestPractices: failing("best-practices") };
  const summary = {
    finalUrl: lhr.finalDisplayedUrl,
    lighthouseVersion: lhr.lighthouseVersion,
    scores: { performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices") },
    metrics: {
      fcpMs: numeric("first-contentful-paint"),
      lcpMs: numeric("largest-contentful-paint"),
      tbtMs: numeric("total-blocking-time"),
      cls: Math.round((lhr.audits["cumulative-layout-shift"]?.numericValue ?? NaN) * 1000) / 1000,
      speedIndexMs: numeric("speed-index"),
    },
    scripts: {
      count: scripts.length,
      transferKb: kb(scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0)),
      resourceKb: kb(scripts.reduce((sum, r) => sum + (r.resourceSize ?? 0), 0)),
    },
    // Where the main thread's time went (TBT comes from here): by kind of work, and by script.
    mainThreadMs: Object.fromEntries(
      (lhr.audits["mainthread-work-breakdown"]?.details?.items ?? [])
        .slice(0, 6)
        .map((i) => [i.groupLabel ?? i.group, Math.round(i.duration)]),
    ),
    bootupMs: (lhr.audits["bootup-time"]?.details?.items ?? []).slice(0, 4).map((i) => ({
      url: String(i.url).replace(/^https?:\/\/[^/]+/, ""),
      total: Math.round(i.total),
      scripting: Math.round(i.scripting),
    })),
    failing: failed,
    findings: Object.fromEntries([...failed.accessibility, ...failed.bestPractices].map((id) => [id, findings(id)])),
    runWarnings: lhr.runWarnings,
  };
  writeFileSync(out, JSON.stringify(summary));
} finally {
  chrome.kill();
}
