// What a restored (or any) database must pass: the engine's own integrity check on SQLite, foreign keys,
// the audit log's hash chain; and the row count of every table, to compare with what was backed up.
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../server/src/db/database.ts';
import { createAuditRepo } from '../../server/src/modules/audit/audit.repo.ts';
import type { AuditKey } from '../../server/src/modules/audit/audit-key.ts';
import { verifyChain } from '../../server/src/modules/audit/audit-verify.ts';

export interface DatabaseCheck {
  ok: boolean;
  problems: string[];
  rowCounts: Record<string, number>;
  auditRecords: number;
}

export async function checkDatabase(database: DatabaseHandle, auditKey: AuditKey): Promise<DatabaseCheck> {
  const { db, dialect } = database;
  const problems: string[] = [];
  if (dialect === 'sqlite') {
    const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
    const verdict = integrity.rows.map((r) => r.integrity_check).join('; ');
    if (verdict !== 'ok') problems.push(`integrity_check: ${verdict}`);
    const fk = await sql`PRAGMA foreign_key_check`.execute(db);
    if (fk.rows.length) problems.push(`foreign_key_check: ${fk.rows.length} dangling references`);
  }
  // Listed from the catalogue of this schema only: Kysely's introspection walks every schema and fails
  // when another one is dropped meanwhile (parallel test files).
  const tables =
    dialect === 'postgres'
      ? (
          await sql<{
            name: string;
          }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`.execute(db)
        ).rows.map((r) => r.name)
      : (
          await sql<{
            name: string;
          }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`.execute(db)
        ).rows.map((r) => r.name);
  tables.sort();
  const rowCounts: Record<string, number> = {};
  for (const table of tables) {
    const r = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(table)}`.execute(db);
    rowCounts[table] = Number(r.rows[0]?.n ?? 0);
  }
  const repo = createAuditRepo(db, dialect, auditKey);
  const chain = await verifyChain(repo.all(), await repo.head(), auditKey);
  if (!chain.ok) problems.push(`audit chain: ${chain.reason}`);
  return { ok: problems.length === 0, problems, rowCounts, auditRecords: chain.checked };
}
