import os from "node:os";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export type MachineInfo = {
  cpuModel: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  postgres: string;
  redis: string;
  next: string;
  prisma: string;
  loadAverageAtStart: number[];
};

const requireHere = createRequire(import.meta.url);

function packageVersion(name: string): string {
  try {
    return JSON.parse(readFileSync(requireHere.resolve(`${name}/package.json`), "utf8")).version;
  } catch {
    return "unknown";
  }
}

/** `model name` from /proc/cpuinfo (os.cpus() reports the same), with the flags that tell a VM. */
function cpuModel(): string {
  const model = os.cpus()[0]?.model?.trim() || "unknown";
  try {
    const info = readFileSync("/proc/cpuinfo", "utf8");
    const hypervisor = /^flags\s*:.*\bhypervisor\b/m.test(info);
    return hypervisor ? `${model} (virtualized)` : model;
  } catch {
    return model;
  }
}

export function machineInfo({ postgres, redis }: { postgres: string; redis: string }): MachineInfo {
  return {
    cpuModel: cpuModel(),
    cores: os.cpus().length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres,
    redis,
    next: packageVersion("next"),
    prisma: packageVersion("@prisma/client"),
    loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}
