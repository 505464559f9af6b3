// A stamp of the rows a cached result was built from, read cheaply on every request: each row's
// id and xmin (the transaction that wrote its current version, renewed by every update), hashed in
// the database without sending any text. Any insert, update or delete, by any server or by hand,
// changes it. Used by the caches of the translation desk and the CRP page (app/lib/stamped-cache.ts).
import { sql, type SQL } from "drizzle-orm";

/**
 * The count and the sum of the 64-bit hashes of one text per row: the same whatever order the rows
 * come in, so no sort. Each part is a `select` of one text per row (e.g. `'a' || a.id || a.xmin::text`).
 */
export function rowsStamp(parts: SQL[]): SQL<string> {
  return sql<string>`(select count(*) || '-' || coalesce(sum(hashtextextended(row_stamp, 0)), 0) from (${sql.join(parts, sql` union all `)}) as stamped_rows(row_stamp))`;
}
