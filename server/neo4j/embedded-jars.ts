/*
 * The embedded Neo4j runs from jars that Maven fetches from Maven Central into
 * server/neo4j/embedded/target/lib, and from Launcher.java compiled once into a jar beside them. This
 * module checks the tools (java, mvn, javac) and prepares both, so `npm install` (postinstall) and a
 * first `npm start` share one code path and one set of messages.
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const EMBEDDED_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'embedded');
export const JAR_DIR = path.join(EMBEDDED_DIR, 'target', 'lib');
const LAUNCHER_SOURCE = path.join(EMBEDDED_DIR, 'Launcher.java');
/** Outside JAR_DIR so Maven's copy step never meets it, and a jar (not a class folder) so the class path stays jars only. */
const LAUNCHER_DIR = path.join(EMBEDDED_DIR, 'target', 'launcher');

export class EmbeddedSetupError extends Error {
  override name = 'EmbeddedSetupError';
}

const ALTERNATIVE = 'or set NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD) to use a Neo4j 5 server you already run';

/** Throws a clear message when the Java 17+ runtime that runs the embedded Neo4j is missing. */
export function checkJava(): void {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new EmbeddedSetupError(
      `The embedded Neo4j needs Java 17: install it (Debian: apt-get install openjdk-17-jdk-headless) ${ALTERNATIVE}.`,
    );
  }
  const m = /version "(\d+)/.exec(r.stderr + r.stdout);
  const major = m ? Number(m[1]) : 0;
  if (major < 17) {
    throw new EmbeddedSetupError(`The embedded Neo4j needs Java 17 or newer; found Java ${major || 'of unknown version'}. Install Java 17 ${ALTERNATIVE}.`);
  }
}

export function jarsPresent(): boolean {
  if (!fs.existsSync(JAR_DIR)) return false;
  return fs.readdirSync(JAR_DIR).some((f) => /^neo4j-bolt-5\.26\.\d+\.jar$/.test(f));
}

/** Fetches the Neo4j jars with Maven unless they are already there; progress goes to `log`. */
export async function ensureJars(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<void> {
  if (jarsPresent()) return;
  const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvn.error || mvn.status !== 0) {
    throw new EmbeddedSetupError(
      `The embedded Neo4j's jars are fetched with Maven, which is not installed: install it (Debian: apt-get install maven) ${ALTERNATIVE}.`,
    );
  }
  log('Fetching Neo4j 5.26 jars from Maven Central (first time only, about 100 MB)…');
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('mvn', ['-q', '-B', 'package'], { cwd: EMBEDDED_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new EmbeddedSetupError(`Maven could not fetch the Neo4j jars (exit ${code}):\n${output.slice(-4000)}`)),
    );
  });
  if (!jarsPresent()) throw new EmbeddedSetupError(`Maven finished but no Neo4j jars are in ${JAR_DIR}`);
  log(`Neo4j jars fetched in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/**
 * The compiled launcher for the current Launcher.java. Running the .java file directly (Java's
 * source-launcher mode) compiles it in memory against 123 MB of jars on every start, which cost 2-4 s
 * of each start here; compiling once, keyed by the source's hash, takes that off every start after the
 * first and recompiles by itself when the source changes.
 */
export function launcherJarPath(): string {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(LAUNCHER_SOURCE)).digest('hex').slice(0, 16);
  return path.join(LAUNCHER_DIR, `launcher-${hash}.jar`);
}

/** Compiles Launcher.java into launcherJarPath() unless that jar exists; returns its path. */
export function ensureLauncher(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string {
  const jar = launcherJarPath();
  if (fs.existsSync(jar)) return jar;
  const started = Date.now();
  const classes = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-graph-launcher-'));
  try {
    const javac = spawnSync('javac', ['-nowarn', '-cp', path.join(JAR_DIR, '*'), '-d', classes, LAUNCHER_SOURCE], { encoding: 'utf8' });
    if (javac.error || javac.status !== 0) {
      throw new EmbeddedSetupError(
        javac.error
          ? `The embedded Neo4j's launcher is compiled with javac, which is missing: install a JDK (Debian: apt-get install openjdk-17-jdk-headless) ${ALTERNATIVE}.`
          : `javac could not compile ${LAUNCHER_SOURCE}:\n${(javac.stderr + javac.stdout).slice(-4000)}`,
      );
    }
    fs.mkdirSync(LAUNCHER_DIR, { recursive: true });
    // Older launchers are stale once the source changed; only the current one is kept.
    for (const old of fs.readdirSync(LAUNCHER_DIR)) if (old.endsWith('.jar')) fs.rmSync(path.join(LAUNCHER_DIR, old), { force: true });
    const tmp = `${jar}.${process.pid}.tmp`;
    const jarTool = spawnSync('jar', ['--create', '--file', tmp, '-C', classes, '.'], { encoding: 'utf8' });
    if (jarTool.error || jarTool.status !== 0) {
      throw new EmbeddedSetupError(`Could not package the embedded Neo4j's launcher with the JDK's jar tool: ${jarTool.error?.message ?? jarTool.stderr}`);
    }
    // Renamed into place so a start running at the same time never sees half a jar.
    fs.renameSync(tmp, jar);
  } finally {
    fs.rmSync(classes, { recursive: true, force: true });
  }
  log(`Compiled the embedded Neo4j's launcher in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return jar;
}
