// `column = any(<one text[] parameter>)`: the same as inArray for a list of ids, but one bound parameter
// instead of one per id (a province's year passes 8,000 project ids or 1,000 body ids; thousands of
// parameters cost more to bind and plan than the query costs to run), bound the same way by both drivers.
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

const unit = '\u001f'; // never inside an id

export function anyOf(column: AnyPgColumn, values: readonly string[]): SQL {
  if (!values.length) return sql`false`;
  return sql`${column} = any(string_to_array(${values.join(unit)}, ${unit})::text[])`;
}
