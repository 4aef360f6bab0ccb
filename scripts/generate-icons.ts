/**
 * `npx tsx scripts/generate-icons.ts` — renders the app's SVG icons into the PNGs the web app
 * manifest and iOS need (public/icons/*.png, app/apple-icon.png) with Debian's Chromium.
 * Run it again after changing public/icons/icon.svg or maskable.svg; the PNGs are committed.
 */
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";

const ROOT = path.resolve(import.meta.dirname, "..");
const icons = (file: string) => path.join(ROOT, "public/icons", file);

const renders = [
  { svg: "icon.svg", size: 192, out: icons("icon-192.png") },
  { svg: "icon.svg", size: 512, out: icons("icon-512.png") },
  { svg: "maskable.svg", size: 512, out: icons("maskable-512.png") },
  // iOS draws its own rounded corners over a full-bleed square.
  { svg: "maskable.svg", size: 180, out: path.join(ROOT, "app/apple-icon.png") },
];

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    for (const { svg, size, out } of renders) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const markup = readFileSync(icons(svg), "utf8").replace("<svg ", `<svg width="${size}" height="${size}" `);
      await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${markup}`);
      await page.screenshot({ path: out, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`✓ ${path.relative(ROOT, out)} (${size}×${size})`);
    }
    copyFileSync(icons("icon.svg"), path.join(ROOT, "app/icon.svg"));
    console.log("✓ app/icon.svg");
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
