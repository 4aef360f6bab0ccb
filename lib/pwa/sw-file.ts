import path from "node:path";

/** Where scripts/build-sw.ts writes the service worker: inside the build it precaches. */
export function swOutputPath(distDir: string): string {
  return path.join(distDir, "sw", "sw.js");
}
