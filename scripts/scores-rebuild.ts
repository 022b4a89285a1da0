// npm run scores:rebuild — recomputes every assessment plan's scores from the approved facts, with the
// same function the incremental updates use, so the numbers come out identical. Audited.
import { nowIso } from '../server/src/db/database.ts';
import { createServices } from '../server/src/services.ts';
import { openConfiguredDatabase } from './lib/open-database.ts';

const { config, database } = await openConfiguredDatabase();
try {
  const started = performance.now();
  const { scoring, auditRepo: audit } = createServices({ config, database, log: console });
  const plans = await scoring.rebuildAll();
  // every stale mark is caught up by the rebuild
  await scoring.recomputeStale();
  const ms = Math.round(performance.now() - started);
  await database.db.transaction().execute((trx) =>
    audit.append(trx, {
      at: nowIso(),
      actor_id: null,
      actor_name: 'system',
      actor_roles: '',
      client_ip: '127.0.0.1',
      action: 'scores.rebuild',
      object_type: 'assessmentPlan',
      object_id: null,
      result: 'success',
      request_id: 'scores-rebuild',
      detail: JSON.stringify({ plans, ms }),
    }),
  );
  console.log(`考核得分已重算 Scores rebuilt: ${plans} plan(s) in ${ms} ms (${config.dialect}).`);
} finally {
  await database.close();
}
