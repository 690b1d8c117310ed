/*
 * The query parameters the analysis endpoints share (issue 17's views: collaboration, workload, 分工表,
 * targets, plans over time): the plan / year / jurisdiction filters, a named entity (plan, agency,
 * indicator), the row limit and the time budget. One definition, so every analysis route accepts the same
 * values and refuses bad ones with the same words.
 */
import { z } from 'zod';
import { intParam } from './params.ts';

const optionalText = (max: number, what: string) =>
  z.string().trim().max(max, `must be at most ${max} characters`).default('').describe(what);

/** Plan, year and jurisdiction: the filters the analysis views share. Empty means all. */
export const analysisFilterShape = {
  plan: optionalText(500, 'a plan id (plan:…) or name; empty for every plan'),
  year: z.union([z.literal(''), z.string().regex(/^\d{4}$/, 'must be a four-digit year')])
    .default('').transform((y) => (y === '' ? 0 : Number(y))).describe('the plan\'s year; empty for every year'),
  jurisdiction: optionalText(100, 'only agencies of this jurisdiction (e.g. 福州市); empty for all'),
};

/** A plan, agency or indicator given by id, name or printed alias (the server resolves it). */
export const entityName = z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters');

/** At most this many rows, a whole number in [min, max]. */
export const analysisLimit = (max: number, dflt: number, what: string) => intParam(1, max, dflt).describe(what);

/**
 * The analyses read the whole archive (75k tasks on the bench graph take several seconds on a busy machine), so
 * they get at least a minute rather than the console's per-query budget; their answers are cached per graph
 * state (cachedCurated), so only the first view after a load pays.
 */
export const analysisTimeoutMs = (configured: number): number => Math.max(configured, 60_000);
