/*
 * postinstall: fetch the embedded Neo4j's jars and compile its launcher during `npm install`, so the
 * first `npm start` is fast. Missing Java, javac or Maven is a warning here, not a failure: a user with
 * NEO4J_URI never needs them (and a start compiles a missing launcher itself).
 */
import { checkJava, ensureJars, ensureLauncher, EmbeddedSetupError } from '../server/neo4j/embedded-jars.ts';

try {
  checkJava();
  await ensureJars((l) => console.log(l));
  ensureLauncher((l) => console.log(l));
} catch (err) {
  if (err instanceof EmbeddedSetupError) {
    console.warn(`warning: ${err.message}`);
  } else {
    throw err;
  }
}
