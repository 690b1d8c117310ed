/*
 * Starts the embedded Neo4j (server/neo4j/embedded/Launcher.java, compiled once by embedded-jars.ts) as
 * a child JVM and waits until Bolt accepts connections. The JVM is tied to this process three ways — its
 * stdin is our pipe (closing it shuts Neo4j down), it polls our pid, and stop() escalates to SIGKILL —
 * so no orphaned JVM survives us, even when we are killed with SIGKILL. `exited` tells the supervisor
 * (supervisor.ts) when the JVM dies on its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { diskFullMessage, diskSpace, NO_SPACE, type StatFs } from './disk-space.ts';
import { checkJava, EmbeddedSetupError, ensureJars, ensureLauncher, JAR_DIR } from './embedded-jars.ts';

export interface EmbeddedOptions {
  /** Folder for Neo4j's own files and the kept password. */
  dataDir: string;
  /** Bolt port on 127.0.0.1; 0 picks a free one. */
  boltPort: number;
  heap: string;
  pageCache: string;
  /** When given, used (and applied to the `neo4j` user) instead of the kept or generated one. */
  password?: string | undefined;
  startTimeoutMs?: number;
  log?: (line: string) => void;
  /** Injected by tests to play a full disk; the file system's statfs otherwise. */
  statfs?: StatFs;
}

export interface JvmExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface EmbeddedNeo4j {
  uri: string;
  user: 'neo4j';
  password: string;
  version: string;
  pid: number;
  port: number;
  startMs: number;
  /** Settles when the JVM exits, whether stopped or died. */
  exited: Promise<JvmExit>;
  /** Shuts Neo4j down cleanly, escalating to SIGKILL after `killAfterMs` (default 30 s). */
  stop(killAfterMs?: number): Promise<void>;
}

/** A start refused because DATA_DIR's disk is full; the message names the folder. */
export class DiskFullError extends EmbeddedSetupError {
  override name = 'DiskFullError';
}

const PASSWORD_FILE = 'neo4j-password';

/** Reads the kept password, or generates and keeps one (mode 0600) on first start. */
export function resolvePassword(dataDir: string, given: string | undefined): string {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, PASSWORD_FILE);
  if (given) {
    if (given.length < 8) throw new EmbeddedSetupError('NEO4J_PASSWORD must be at least 8 characters for the embedded Neo4j');
    return given;
  }
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const generated = crypto.randomBytes(18).toString('base64url');
  fs.writeFileSync(file, `${generated}\n`, { mode: 0o600 });
  return generated;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: '127.0.0.1' });
    sock.once('connect', () => { sock.destroy(); resolve(true); });
    sock.once('error', () => resolve(false));
  });
}

export async function startEmbeddedNeo4j(opts: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const dataDir = path.resolve(opts.dataDir);
  // First, so a full disk fails the start at once instead of after Neo4j's own minutes-long attempts.
  const space = await diskSpace(dataDir, opts.statfs);
  if (space.full) throw new DiskFullError(`The embedded Neo4j cannot start: ${diskFullMessage(space)}. Free some space or set DATA_DIR to another disk.`);
  checkJava();
  await ensureJars(log);
  const launcherJar = ensureLauncher(log);
  const home = path.join(dataDir, 'neo4j');
  fs.mkdirSync(home, { recursive: true });
  const password = resolvePassword(dataDir, opts.password);
  const port = opts.boltPort === 0 ? await freePort() : opts.boltPort;
  if (await portInUse(port)) {
    throw new EmbeddedSetupError(
      `Port ${port} on 127.0.0.1 is already in use, so the embedded Neo4j cannot listen there. ` +
        `Stop whatever uses it, or set NEO4J_EMBEDDED_BOLT_PORT to another port (0 picks a free one).`,
    );
  }

  const launcherLog = path.join(dataDir, 'neo4j-launcher.log');
  const stderrLog = fs.openSync(launcherLog, 'a');
  const logOffset = fs.fstatSync(stderrLog).size;
  const child = spawn(
    'java',
    [
      // Neo4j's own start script's JVM settings (neo4j.conf defaults) that matter for a database process:
      // a fixed-size heap, since growing it costs full collections (Neo4j's operations manual,
      // "Tuning of the garbage collector"), and no explicit GC or stackless fast-path exceptions.
      `-Xms${opts.heap}`,
      `-Xmx${opts.heap}`,
      '-XX:+UseG1GC',
      '-XX:+DisableExplicitGC',
      '-XX:-OmitStackTraceInFastThrow',
      '-XX:+UnlockExperimentalVMOptions',
      '-XX:+TrustFinalNonStaticFields',
      '-cp', `${launcherJar}${path.delimiter}${path.join(JAR_DIR, '*')}`,
      'Launcher',
      '--home', home,
      '--port', String(port),
      '--parent-pid', String(process.pid),
      '--page-cache', opts.pageCache,
    ],
    { stdio: ['pipe', 'pipe', stderrLog], env: { ...process.env, NEO4J_EMBEDDED_PASSWORD: password } },
  );
  fs.closeSync(stderrLog);
  // Once the JVM is gone, closing its stdin fails with EPIPE; that is expected, not a crash of ours.
  child.stdin?.on('error', () => {});
  const exited = new Promise<JvmExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const ready = await waitForReadiness(child, opts.startTimeoutMs ?? 180_000, dataDir, { file: launcherLog, offset: logOffset });
  let stopping: Promise<void> | undefined;
  return {
    uri: `bolt://127.0.0.1:${port}`,
    user: 'neo4j',
    password,
    version: ready.version,
    pid: ready.pid,
    port,
    startMs: ready.startMs,
    exited,
    stop: (killAfterMs = 30_000) => (stopping ??= stopChild(child, exited, killAfterMs)),
  };
}

interface Readiness { version: string; pid: number; startMs: number }

function waitForReadiness(child: ChildProcess, timeoutMs: number, dataDir: string, launcherLog: { file: string; offset: number }): Promise<Readiness> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EmbeddedSetupError(`The embedded Neo4j did not start within ${timeoutMs / 1000} s; see ${dataDir}/neo4j-launcher.log`));
    }, timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      const tail = logSince(launcherLog.file, launcherLog.offset);
      if (NO_SPACE.test(tail)) reject(new DiskFullError(`The embedded Neo4j cannot start: disk full at ${dataDir} (No space left on device)`));
      else reject(new EmbeddedSetupError(`The embedded Neo4j exited during start-up (code ${code}); see ${dataDir}/neo4j-launcher.log`));
    };
    child.once('exit', onExit);
    child.once('error', (err) => { clearTimeout(timer); reject(err); });
    lines.on('line', (line) => {
      if (line.startsWith('NEO4J_READY ')) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(JSON.parse(line.slice('NEO4J_READY '.length)) as Readiness);
      } else if (line.startsWith('NEO4J_FAILED ')) {
        clearTimeout(timer);
        child.off('exit', onExit);
        const { message } = JSON.parse(line.slice('NEO4J_FAILED '.length)) as { message: string };
        if (NO_SPACE.test(message)) {
          reject(new DiskFullError(`The embedded Neo4j cannot start: disk full at ${dataDir} (${message})`));
          return;
        }
        const hint = /lock/i.test(message) ? ' (is another instance using this data folder? set DATA_DIR to another folder)' : '';
        reject(new EmbeddedSetupError(`The embedded Neo4j failed to start: ${message}${hint}`));
      }
    });
  });
}

/** What this start wrote to the launcher log (earlier starts' lines are not its reasons), or ''. */
function logSince(file: string, offset: number): string {
  try {
    return fs.readFileSync(file).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

async function stopChild(child: ChildProcess, exited: Promise<JvmExit>, killAfterMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin?.end();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), killAfterMs)));
  const outcome = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
