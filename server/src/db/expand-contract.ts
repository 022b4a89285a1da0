// The expand/contract rule for migrations (decision 183), as a check on two snapshots of the schema:
// what the release before a migration uses must still be there, in the same type, and no new column may
// make that release's INSERTs fail. Tables or columns go only in a marked contract step.
import { sql } from 'kysely';
import type { DB } from './database.ts';

export interface ColumnShape {
  type: string;
  nullable: boolean;
  /** has a default or is generated (an INTEGER PRIMARY KEY, a serial): an INSERT may leave it out */
  default: boolean;
}
export type SchemaShape = Record<string, Record<string, ColumnShape>>;

/**
 * Exported as `contract` by a migration that removes what an earlier release expanded away from:
 * `drops` is a table (`t`) or a column (`t.c`); `expandedIn` the migration that made it unused.
 */
export interface ContractStep {
  drops: string;
  expandedIn: string;
  why: string;
}

/** Migrations of one date ship together: the date is the release a migration belongs to. */
export const releaseOf = (migration: string) => migration.slice(0, 10);

/**
 * The tables and columns of the database's own schema. On PostgreSQL only the connection's schema is
 * read (`current_schema()`): Kysely's introspector reads every schema, so it saw the other test files'
 * schemas and failed when one was dropped during the read ("schema … does not exist", seen in CI).
 */
export async function snapshotSchema(db: DB, dialect: 'sqlite' | 'postgres'): Promise<SchemaShape> {
  const shape: SchemaShape = {};
  if (dialect === 'postgres') {
    const { rows } = await sql<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: string;
      column_default: string | null;
      is_identity: string;
    }>`SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_nullable, c.column_default, c.is_identity
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
          AND left(c.table_name, 7) <> 'kysely_'
        ORDER BY c.table_name, c.ordinal_position`.execute(db);
    for (const r of rows)
      (shape[r.table_name] ??= {})[r.column_name] = {
        // the type's own name (int4, text, timestamptz), as Kysely's introspector gave it
        type: r.udt_name.toLowerCase(),
        nullable: r.is_nullable === 'YES',
        default: r.column_default !== null || r.is_identity === 'YES',
      };
    return shape;
  }
  for (const t of await db.introspection.getTables()) {
    shape[t.name] = Object.fromEntries(
      t.columns.map((c) => [
        c.name,
        {
          type: c.dataType.toLowerCase(),
          nullable: c.isNullable,
          default: c.hasDefaultValue || c.isAutoIncrementing,
        },
      ]),
    );
  }
  return shape;
}

export function checkExpandContract(
  migration: string,
  before: SchemaShape,
  after: SchemaShape,
  contract: ContractStep[],
): string[] {
  const allowed = new Set(contract.map((s) => s.drops));
  const problems: string[] = [];
  for (const [table, columns] of Object.entries(before)) {
    const now = after[table];
    if (!now) {
      if (!allowed.has(table))
        problems.push(
          `${migration}: drops table ${table}, which the previous release uses (mark a contract step)`,
        );
      continue;
    }
    for (const [name, was] of Object.entries(columns)) {
      const is = now[name];
      if (!is) {
        if (!allowed.has(`${table}.${name}`) && !allowed.has(table))
          problems.push(
            `${migration}: drops column ${table}.${name}, which the previous release uses (mark a contract step)`,
          );
      } else if (is.type !== was.type)
        problems.push(`${migration}: changes ${table}.${name} from ${was.type} to ${is.type}`);
      else if (was.nullable && !is.nullable && !is.default)
        problems.push(
          `${migration}: makes ${table}.${name} NOT NULL without a default: the previous release may write NULL`,
        );
    }
    for (const [name, is] of Object.entries(now))
      if (!columns[name] && !is.nullable && !is.default)
        problems.push(
          `${migration}: adds ${table}.${name} NOT NULL without a default: the previous release’s INSERTs into ${table} fail`,
        );
  }
  return problems;
}
