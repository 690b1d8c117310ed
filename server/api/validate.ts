/*
 * Route inputs are parsed with the zod schema that sits beside each route; a failure is a 400 that
 * names the field, raised before any service function runs.
 */
import type { z } from 'zod';
import { zodToAppError } from './error-middleware.ts';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: 'query' | 'body' | 'path'): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw zodToAppError(parsed.error, where);
  return parsed.data;
}
