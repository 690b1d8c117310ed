/*
 * Building blocks shared by the route schemas: comma-separated label and type lists checked against the
 * graph model, and bounded integers from query strings. Kept here so every route speaks the same dialect.
 */
import { z } from 'zod';
import { NODE_LABELS, RELATIONSHIP_TYPES } from '../../extract/graph-facts.ts';

const csv = (allowed: readonly string[], what: string) =>
  z
    .string()
    .max(1000)
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .refine((xs) => xs.every((x) => allowed.includes(x)), { message: `must be a comma-separated list of ${what}: ${allowed.join(', ')}` })
    .transform((xs) => (xs.length > 0 ? xs : undefined));

export const labelList = csv(['Entity', ...NODE_LABELS], 'labels').optional();
export const typeList = csv(RELATIONSHIP_TYPES, 'relationship types').optional();

export const intParam = (min: number, max: number, dflt: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number between ${min} and ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .default(dflt);

export const boolParam = (dflt: boolean) =>
  z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }).transform((v) => v === 'true' || v === '1').default(dflt);

/** Endpoints that take no parameters still refuse unknown ones. */
export const NoQuery = z.strictObject({});

export const entityId = z.string().trim().min(1, 'must not be empty').max(500, 'is too long');
