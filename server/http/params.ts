import type { Context } from 'hono';
import { idPattern } from '../db/ids.js';
import { notFound } from '../core/errors.js';

/** A path id that cannot be one of ours is simply not found: it never reaches the database. */
export function pathId(c: Context, name: string): string {
  const value = c.req.param(name);
  if (!value || !idPattern.test(value)) throw notFound();
  return value;
}
