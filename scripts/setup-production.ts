// npm run setup:production -- --bureau-name 常德市生态环境局 --bureau-code CDHB --admin-username zhang.admin --admin-name 张三 \
//   --security-username li.security --security-name 李四
// Creates the schema, the assessing bureau, its first system administrator and (with --security-…) its
// first security administrator on an EMPTY database, without demo data. Only a security administrator
// grants administrator roles (decision 078), so a production set-up needs one. Each one-time password
// is printed once and must be changed at first sign-in.
import { parseArgs } from 'node:util';
import { passwordProblems } from '@greenvoice/common';
import { nowIso } from '../server/src/db/database.ts';
import { migrateToLatest } from '../server/src/db/migrator.ts';
import { isDatabaseEmpty } from '../server/src/demo/seed-demo.ts';
import { generateTemporaryPassword, hashPassword } from '../server/src/modules/auth/password-hash.ts';
import { createUnitsRepo } from '../server/src/modules/units/units.repo.ts';
import { openConfiguredDatabase } from './lib/open-database.ts';

const { values } = parseArgs({
  options: {
    'bureau-name': { type: 'string' },
    'bureau-code': { type: 'string' },
    'admin-username': { type: 'string' },
    'admin-name': { type: 'string' },
    'admin-unit-name': { type: 'string', default: '信息中心' },
    'security-username': { type: 'string' },
    'security-name': { type: 'string' },
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
const securityUsername = values['security-username']?.toLowerCase();
for (const [flag, name] of [
  ['--admin-username', username],
  ['--security-username', securityUsername],
] as const) {
  if (name !== undefined && !/^[a-z][a-z0-9_.-]{2,31}$/.test(name)) {
    console.error(`${flag}: 3–32 characters, starting with a letter: letters, digits, _ . -`);
    process.exit(2);
  }
}
if (!securityUsername !== !values['security-name'] || securityUsername === username) {
  console.error('--security-username and --security-name go together, for a person other than the admin');
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
    const oneTimePassword = async (name: string) => {
      const password = generateTemporaryPassword();
      if (passwordProblems(password, ['admin'], { username: name }).length)
        throw new Error('generated password breaks the rules');
      return { password, hash: await hashPassword(password, config.scryptLogN) };
    };
    const accounts = [
      { username, name: values['admin-name']!, title: '系统管理员', role: 'admin' as const },
      ...(securityUsername
        ? [
            {
              username: securityUsername,
              name: values['security-name']!,
              title: '安全管理员',
              role: 'security' as const,
            },
          ]
        : []),
    ];
    const secrets = await Promise.all(accounts.map((a) => oneTimePassword(a.username)));
    await database.db.transaction().execute(async (trx) => {
      const at = nowIso();
      const units = createUnitsRepo(database.db);
      const bureau = await units.insert(trx, {
        code: values['bureau-code']!,
        name: values['bureau-name']!,
        kind: 'cityBureau',
        parentId: null,
        parentPath: '/',
        sortOrder: 0,
        at,
      });
      const centre = await units.insert(trx, {
        code: `${values['bureau-code']}-XXZX`,
        name: values['admin-unit-name']!,
        kind: 'department',
        parentId: bureau.id,
        parentPath: bureau.path,
        sortOrder: 10,
        at,
      });
      const ids: number[] = [];
      for (const [i, a] of accounts.entries()) {
        const { hash } = secrets[i]!;
        const person = await trx
          .insertInto('people')
          .values({
            unit_id: centre.id,
            name: a.name,
            title: a.title,
            username: a.username,
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
          .values({ person_id: person.id, role: a.role, assigned_at: at })
          .execute();
        await trx
          .insertInto('password_history')
          .values({ person_id: person.id, password_hash: hash, created_at: at })
          .execute();
        ids.push(person.id);
      }
      await auditRepo().append(trx, {
        at,
        actor_id: null,
        actor_name: 'system',
        actor_roles: '',
        client_ip: '127.0.0.1',
        action: 'system.setup-production',
        object_type: 'person',
        object_id: String(ids[0]),
        result: 'success',
        request_id: 'setup',
        detail: JSON.stringify({
          bureau: values['bureau-name'],
          admin: username,
          security: securityUsername ?? null,
        }),
      });
    });
    console.log(`Created ${values['bureau-name']} and its first administrators on ${config.dialect}.`);
    for (const [i, a] of accounts.entries()) {
      console.log(`  ${a.title} user name: ${a.username}`);
      console.log(
        `  one-time password (shown once; must be changed at first sign-in): ${secrets[i]!.password}`,
      );
    }
    if (!securityUsername)
      console.log(
        '  No security administrator (--security-username): nobody can grant administrator roles or reset an admin’s password.',
      );
    console.log(
      'Start the server with `npm start` (no demo data is added to a database that has an organisation).',
    );
  }
} finally {
  await database.close();
}
