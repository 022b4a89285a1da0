// The one place that writes LIKE and path-prefix SQL. Every scope filter and every list search goes
// through these helpers, so SQLite and PostgreSQL answer the same (decision 080); a lint rule refuses
// `'like'` anywhere else (eslint/one-way.js).
//
// The helpers take a column reference as text ('units.path', 'u.path', 'a.title') and return a raw SQL
// expression, so the same helper serves the query builder (`.where(withinScope('units.path', p))`, inside
// `eb.or([...])`) and hand-written SQL (`sql\`… AND ${containsText('a.title', q)}\``).
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** `%`, `_` and the escape character itself lose their LIKE meaning. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `column` begins with `prefix`, compared exactly (case-sensitive on both databases). Written as
 * `substr(column, 1, n) = prefix`, so no character of the prefix is a pattern character.
 */
export function startsWith(column: string, prefix: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`substr(${sql.ref(column)}, 1, ${prefix.length}) = ${prefix}`;
}

/**
 * The row's unit lies in the subtree `scopePath` names (the actor's scope, a bureau's tree, the part of
 * the tree being moved). `column` is a materialised path such as 'units.path'.
 */
export function withinScope(pathColumn: string, scopePath: string): RawBuilder<SqlBool> {
  return startsWith(pathColumn, scopePath);
}

/**
 * The unit ids on a materialised path, root first: '/1/4/9/' → [1, 4, 9]. A scope's ancestors are the
 * units whose records (plans, campaigns) apply to everything below them.
 */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/** The unit a materialised path ends at: '/1/4/9/' → 9. */
export function pathUnitId(path: string): number {
  return Number(path.split('/').filter(Boolean).at(-1));
}

/**
 * A list search: `column` contains `text` as typed — `%` and `_` are ordinary characters, and ASCII letters
 * match in either case on both databases (SQLite's LIKE ignores ASCII case and PostgreSQL's does not, so
 * both sides are lowered). Chinese text has no case and matches as it is.
 */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  return likeText(column, `%${escapeLike(text)}%`);
}

/** A list filter by the beginning of a value (an audit action family), matched like `containsText`. */
export function startsWithText(column: string, text: string): RawBuilder<SqlBool> {
  return likeText(column, `${escapeLike(text)}%`);
}

function likeText(column: string, pattern: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) LIKE lower(${pattern}) ESCAPE '\\'`;
}

/**
 * Records that apply to a scope: owned by a unit inside it (bureau staff see their tree) or by one of its
 * ancestors (an officer sees their own bureau's plans and campaigns). `pathColumn` and `idColumn` are the
 * owner unit's path and id.
 */
export function withinOrAboveScope(
  pathColumn: string,
  idColumn: string,
  scopePath: string,
): RawBuilder<SqlBool> {
  const above = pathIds(scopePath);
  return sql<SqlBool>`(${withinScope(pathColumn, scopePath)} OR ${sql.ref(idColumn)} IN (${sql.join(above.length ? above : [0])}))`;
}

/** The record's owner unit (`ownerColumn`, a unit id) lies inside the scope. */
export function ownedWithinScope(ownerColumn: string, scopePath: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(ownerColumn)} IN (SELECT units.id FROM units WHERE ${withinScope('units.path', scopePath)})`;
}
