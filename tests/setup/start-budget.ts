/*
 * Timeouts for tests that start embedded Neo4j JVMs of their own, sized from how long this machine took
 * to start the project's shared one (measured by neo4j-global-setup.ts) rather than guessed: a fixed
 * 60 s passed on a quiet laptop and failed on CI, where one start took ~25 s and a test made three.
 */
import { inject } from 'vitest';

/** Never less than this per start, so one fast measurement does not make every later start look late. */
const FLOOR_MS = 30_000;

/**
 * What one more embedded start (plus its stop) may take here: three times the measured start, since
 * the shared start ran with the machine to itself and later ones compete with the test's own work.
 */
export const EMBEDDED_START_BUDGET_MS = Math.max(FLOOR_MS, 3 * inject('neo4j').startWallMs);
