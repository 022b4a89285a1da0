import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import type { RequestContext } from '../../http/context.ts';
import { ConfigError } from '../../config.ts';
import type { AuditRepo } from './audit.repo.ts';
import { headMac, type PurgeDetail } from './audit-chain.ts';
import {
  appendCheckpoint,
  checkpointOf,
  compareWithCheckpoints,
  type CheckpointKind,
  type NumberedCheckpoint,
} from './audit-checkpoints.ts';
import { verifyChain, wrongKeyReason } from './audit-verify.ts';
import { createAuditPresenter, type NamesOf } from './audit-presenter.ts';
import { AUDIT_EXPORT_COLUMNS } from './audit-export.ts';
import { everyPage, exportList, type ExportLang } from '../../spreadsheets/xlsx-export.ts';

export interface CheckpointLog {
  info(o: object, m: string): void;
}

export interface AuditEntry {
  action: string;
  objectType?: string | null;
  objectId?: string | number | null;
  result?: 'success' | 'failure' | 'denied';
  /** before/after values or a reason; never passwords, tokens or full phone numbers */
  detail?: Record<string, unknown> | null;
  /** for sign-in events before anyone is signed in */
  actorOverride?: { id: number | null; name: string | null; roles: string };
}

export type Audit = (entry: AuditEntry) => Promise<void>;

export function createAuditService({
  db,
  repo,
  names = {},
}: {
  db: DB;
  repo: AuditRepo;
  /** object type → the owning repository's name lookup (wired in services.ts) */
  names?: Record<string, NamesOf>;
}) {
  const presenter = createAuditPresenter(names);
  async function append(trx: Transaction<Database>, ctx: RequestContext, entry: AuditEntry) {
    const actor = entry.actorOverride ?? {
      id: ctx.actor?.personId ?? null,
      name: ctx.actor?.name ?? null,
      roles: ctx.actor?.roles.join(',') ?? '',
    };
    await repo.append(trx, {
      at: nowIso(),
      actor_id: actor.id,
      actor_name: actor.name,
      actor_roles: actor.roles,
      client_ip: ctx.clientIp,
      action: entry.action,
      object_type: entry.objectType ?? null,
      object_id: entry.objectId === undefined || entry.objectId === null ? null : String(entry.objectId),
      result: entry.result ?? 'success',
      request_id: ctx.requestId,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
    });
  }

  const service = {
    /**
     * Runs `work` in one transaction with an `audit` function: the change and its audit record commit
     * together or not at all (docs/security-requirements.md §15).
     */
    async transact<T>(
      ctx: RequestContext,
      work: (trx: Transaction<Database>, audit: Audit) => Promise<T>,
    ): Promise<T> {
      let wrote = false;
      const result = await db.transaction().execute((trx) =>
        work(trx, async (entry) => {
          await append(trx, ctx, entry);
          wrote = true;
        }),
      );
      if (wrote) ctx.audited = true;
      return result;
    },

    /** A record on its own, e.g. a refused sign-in or a denied request. */
    async record(ctx: RequestContext, entry: AuditEntry): Promise<void> {
      await db.transaction().execute((trx) => append(trx, ctx, entry));
      ctx.audited = true;
    },

    /** A page of the log, newest first, its objects named (decision 172). */
    async list(...args: Parameters<AuditRepo['list']>) {
      const { items, total } = await repo.list(...args);
      return { items: await presenter.present(items), total };
    },

    /** Every record the filters select as .xlsx, as the log stood when the export began (decision 126). */
    async exportXlsx(
      ctx: RequestContext,
      query: Omit<Parameters<AuditRepo['list']>[0], 'upToId'> & { lang?: ExportLang },
    ) {
      const { lang, ...filters } = query;
      const newest = (await repo.list({}, 1, 1)).items[0]?.id ?? 0;
      return exportList(service, ctx, 'audit', filters, {
        sheet: { zh: '审计日志', en: 'Audit log' },
        columns: AUDIT_EXPORT_COLUMNS,
        rows: everyPage((page, pageSize) => service.list({ ...filters, upToId: newest }, page, pageSize)),
        lang,
      });
    },

    /** Walks the chain with the key: changed, inserted, reordered or deleted records, a rewritten head. */
    async verify() {
      return verifyChain(repo.all(), await repo.head(), repo.key);
    },

    /** The walk, and the database compared with signed checkpoints (truncation, rewriting, wrong key). */
    async verifyWithCheckpoints(checkpoints: NumberedCheckpoint[]) {
      const walk = await verifyChain(repo.all(), await repo.head(), repo.key);
      const state = await repo.state([...new Set(checkpoints.map((c) => c.cp.lastId))]);
      return { walk, problems: compareWithCheckpoints(state, checkpoints, repo.key) };
    },

    /**
     * At start-up: refuses another key than the chain's (nothing could verify what it wrote), and keys
     * an upgraded chain at once (the cut-over record).
     */
    async ensureKeyed() {
      const head = await repo.head();
      if (head.key_id && head.key_id !== repo.key.id)
        throw new ConfigError(wrongKeyReason(head.key_id, repo.key));
      await repo.ensureKeyed(nowIso());
    },

    /** Signs the chain's head and appends it to the checkpoint file and the log. */
    async checkpoint(
      kind: CheckpointKind,
      dir: string,
      log: CheckpointLog,
      purge: PurgeDetail | null = null,
    ) {
      const head = await repo.head();
      // never sign a head that was changed without the key
      if (head.mac && headMac(repo.key.key, head) !== head.mac)
        throw new Error('the audit head fails its MAC: not signing it (run npm run audit:verify)');
      const cp = checkpointOf(repo.key, head, kind, nowIso(), purge);
      const file = appendCheckpoint(dir, cp);
      log.info({ auditCheckpoint: cp, file }, 'audit checkpoint');
      return cp;
    },
  };
  return service;
}
export type AuditService = ReturnType<typeof createAuditService>;
