// npm run setup:production -- --bureau-name 常德市生态环境局 --bureau-code CDHB --admin-username zhang.admin --admin-name 张三
// Creates the schema, the assessing bureau and its first admin on an EMPTY database, without demo data.
// The admin's one-time password is printed once; it must be changed at first sign-in.
import { parseArgs } from 'node:util';
import { passwordProblems } from '@greenvoice/common';
import { nowIso } from '../server/src/db/database.ts';
import { migrateToLatest } from '../server/src/db/migrator.ts';
import { isDatabaseEmpty } from '../server/src/demo/seed-demo.ts';
import { generateTemporaryPassword, hashPassword } from '../server/src/modules/auth/password-hash.ts';
import { openConfiguredDatabase } from './lib/open-database.ts';

const { values } = parseArgs({
  options: {
    'bureau-name': { type: 'string' },
    'bureau-code': { type: 'string' },
    'admin-username': { type: 'string' },
    'admin-name': { type: 'string' },
    'admin-unit-name': { type: 'string', default: '信息中心' },
  },
});
const missing = ['bureau-name', 'bureau-code', 'admin-username', 'admin-name'].filter(
  (k) => !values[k as keyof typeof values],
);
if (missing.length) {
  console.error(
    `Missing: ${missing.map((m) => `--${m}`).join(' ')}\nUsage: npm run setup:production -- --bureau-name 常德市生态环境局 --bureau-code CDHB --admin-username zhang.admin --admin-name 张三`,
  );
  process.exit(2);
}
const username = values['admin-username']!.toLowerCase();
if (!/^[a-z][a-z0-9_.-]{2,31}$/.test(username)) {
  console.error('--admin-username: 3–32 characters, starting with a letter: letters, digits, _ . -');
  process.exit(2);
}
if (!/^[A-Za-z0-9_-]{1,32}$/.test(values['bureau-code']!)) {
  console.error('--bureau-code: letters, digits, - and _ only, at most 32');
  process.exit(2);
}

const { config, database, auditRepo } = await openConfiguredDatabase();
if (!config.auditHmacKey) {
  await database.close();
  console.error(
    'AUDIT_HMAC_KEY is required for a production installation: 32 bytes in base64 (openssl rand -base64 32). Keep it outside the database and its backups (a copy off this machine), and give the server the same value. Nothing was changed.',
  );
  process.exit(2);
}
try {
  await migrateToLatest(database.db);
  if (!(await isDatabaseEmpty(database.db))) {
    console.error(
      'The database already holds an organisation; set-up runs only on an empty database. Nothing was changed.',
    );
    process.exitCode = 1;
  } else {
    const password = generateTemporaryPassword();
    if (passwordProblems(password, ['admin'], { username }).length)
      throw new Error('generated password breaks the rules');
    const hash = await hashPassword(password, config.scryptLogN);
    await database.db.transaction().execute(async (trx) => {
      const at = nowIso();
      const bureau = await trx
        .insertInto('units')
        .values({
          code: values['bureau-code']!,
          name: values['bureau-name']!,
          kind: 'cityBureau',
          parent_id: null,
          path: '/',
          sort_order: 0,
          is_demo: 0,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('units')
        .set({ path: `/${bureau.id}/` })
        .where('id', '=', bureau.id)
        .execute();
      const centre = await trx
        .insertInto('units')
        .values({
          code: `${values['bureau-code']}-XXZX`,
          name: values['admin-unit-name']!,
          kind: 'department',
          parent_id: bureau.id,
          path: '/',
          sort_order: 10,
          is_demo: 0,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('units')
        .set({ path: `/${bureau.id}/${centre.id}/` })
        .where('id', '=', centre.id)
        .execute();
      const admin = await trx
        .insertInto('people')
        .values({
          unit_id: centre.id,
          name: values['admin-name']!,
          title: '信息中心管理员',
          username,
          password_hash: hash,
          password_changed_at: at,
          must_change_password: 1,
          disabled: 0,
          is_demo: 0,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('person_roles')
        .values({ person_id: admin.id, role: 'admin', assigned_at: at })
        .execute();
      await trx
        .insertInto('password_history')
        .values({ person_id: admin.id, password_hash: hash, created_at: at })
        .execute();
      await auditRepo().append(trx, {
        at,
        actor_id: null,
        actor_name: 'system',
        actor_roles: '',
        client_ip: '127.0.0.1',
        action: 'system.setup-production',
        object_type: 'person',
        object_id: String(admin.id),
        result: 'success',
        request_id: 'setup',
        detail: JSON.stringify({ bureau: values['bureau-name'], admin: username }),
      });
    });
    console.log(`Created ${values['bureau-name']} and its first admin on ${config.dialect}.`);
    console.log(`  user name: ${username}`);
    console.log(`  one-time password (shown once; must be changed at first sign-in): ${password}`);
    console.log(
      'Start the server with `npm start` (no demo data is added to a database that has an organisation).',
    );
  }
} finally {
  await database.close();
}
