// Seeds the demo data set into an empty database: the Changde organisation, contacts, one account per
// role and the 2018 contact-registration campaign, and a second city with a small site of its own. Deterministic: the same data on every machine.
import type { Role } from '@greenvoice/common';
import type { DB } from '../db/database.ts';
import { nowIso } from '../db/database.ts';
import type { AuditRepo } from '../modules/audit/audit.repo.ts';
import { hashPassword } from '../modules/auth/password-hash.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import { seedDemoAssessment } from './demo-assessment.ts';
import { seedEnvironmentDemo } from './environment-demo.ts';
import { DEMO_BUREAU_CODE, DEMO_CONTACT_DATES, DEMO_UNITS } from './changde-units.ts';
import { seedPortalDemo } from './portal-demo.ts';
import { seedPortalContentDemo } from './portal-content-demo.ts';
import { seedInteractionDemo } from './interaction-demo.ts';
import {
  SECOND_CITY_CODE,
  SECOND_CITY_UNITS,
  seedSecondCityDemo,
  seedSecondCityEnvironment,
} from './second-city-demo.ts';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '建华',
  '志强',
  '丽娟',
  '海燕',
  '卫东',
  '晓明',
  '文斌',
  '春梅',
  '国庆',
  '红英',
  '振宇',
  '静怡',
  '俊杰',
  '秀兰',
  '立新',
  '雪梅',
  '德明',
  '玉兰',
  '宏伟',
  '晓燕',
  '永刚',
  '美玲',
  '少华',
  '慧敏',
];

/** A plausible, deterministic name and mobile number for the n-th demo contact. */
function contact(n: number) {
  const name = SURNAMES[(n * 7) % SURNAMES.length]! + GIVEN[(n * 5) % GIVEN.length]!;
  const mobile = `1${['39', '38', '37', '59', '89', '86'][n % 6]}${String(7360100 + n * 37).padStart(8, '0')}`;
  return { name, mobile };
}

const at = (date: string) => `${date}T09:00:00.000Z`;

export async function isDatabaseEmpty(db: DB): Promise<boolean> {
  const row = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  return !row;
}

export async function seedDemoData(db: DB, auditRepo: AuditRepo, scryptLogN: number): Promise<void> {
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password, scryptLogN)));
  await db.transaction().execute(async (trx) => {
    const created = at('2018-03-21');
    const units = new Map<string, { id: number; path: string }>();
    for (const [i, u] of [...DEMO_UNITS, ...SECOND_CITY_UNITS].entries()) {
      const parent = u.parent ? units.get(u.parent)! : null;
      const row = await trx
        .insertInto('units')
        .values({
          code: u.code,
          name: u.name,
          kind: u.kind,
          parent_id: parent?.id ?? null,
          path: '/',
          sort_order: i * 10,
          is_demo: 1,
          created_at: created,
          updated_at: created,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const path = `${parent?.path ?? '/'}${row.id}/`;
      await trx.updateTable('units').set({ path }).where('id', '=', row.id).execute();
      units.set(u.code, { id: row.id, path });
    }

    let n = 0;
    const addPerson = async (p: {
      unitCode: string;
      name: string;
      title: string;
      mobile: string | null;
      roles: { role: Role; date: string }[];
      username?: string;
      hash?: string;
      createdDate: string;
    }) => {
      const ts = at(p.createdDate);
      const row = await trx
        .insertInto('people')
        .values({
          unit_id: units.get(p.unitCode)!.id,
          name: p.name,
          title: p.title,
          mobile: p.mobile,
          username: p.username ?? null,
          password_hash: p.hash ?? null,
          password_changed_at: p.hash ? nowIso() : null,
          must_change_password: 0,
          disabled: 0,
          is_demo: 1,
          created_at: ts,
          updated_at: ts,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (p.roles.length)
        await trx
          .insertInto('person_roles')
          .values(p.roles.map((r) => ({ person_id: row.id, role: r.role, assigned_at: at(r.date) })))
          .execute();
      if (p.hash)
        await trx
          .insertInto('password_history')
          .values({ person_id: row.id, password_hash: p.hash, created_at: nowIso() })
          .execute();
    };

    // The deputy leader and information officer of every assessed unit (the campaign's subject).
    for (const u of DEMO_UNITS) {
      if (u.kind === 'cityBureau') continue;
      const dates = DEMO_CONTACT_DATES[u.code] ?? {
        deputyLeader: `2018-04-${String(10 + (n % 18)).padStart(2, '0')}`,
        officer: `2018-04-${String(11 + (n % 18)).padStart(2, '0')}`,
      };
      // The demo accounts for the officer and deputy leader of 武陵区 stand in for its contacts.
      const hasDemoAccount = (role: string) =>
        DEMO_ACCOUNTS.some((a) => a.unitCode === u.code && a.role === role);
      if (dates.deputyLeader && !hasDemoAccount('deputyLeader')) {
        const c = contact(n++);
        await addPerson({
          unitCode: u.code,
          name: c.name,
          title: u.kind === 'department' ? '科长' : '副局长',
          mobile: c.mobile,
          roles: [{ role: 'deputyLeader', date: dates.deputyLeader }],
          createdDate: dates.deputyLeader,
        });
      }
      if (dates.officer && !hasDemoAccount('officer')) {
        const c = contact(n++);
        await addPerson({
          unitCode: u.code,
          name: c.name,
          title: '信息员',
          mobile: c.mobile,
          roles: [{ role: 'officer', date: dates.officer }],
          createdDate: dates.officer,
        });
      }
    }

    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      const date = a.role === 'officer' || a.role === 'deputyLeader' ? '2018-04-12' : '2018-03-21';
      await addPerson({
        unitCode: a.unitCode,
        name: a.name,
        title: a.title,
        mobile: a.mobile,
        roles: [{ role: a.role, date }],
        username: a.username,
        hash: hashes[i]!,
        createdDate: date,
      });
    }

    await trx
      .insertInto('campaigns')
      .values({
        owner_unit_id: units.get(DEMO_BUREAU_CODE)!.id,
        title: '2018年分管领导及信息员联络信息报送',
        deadline: '2018-04-30',
        is_demo: 1,
        created_at: created,
        updated_at: created,
      })
      .execute();
    await seedDemoAssessment(trx, units.get(DEMO_BUREAU_CODE)!.id, created);
    await seedPortalDemo(trx, units.get(DEMO_BUREAU_CODE)!.id);
    await seedPortalContentDemo(trx, units.get(DEMO_BUREAU_CODE)!.id);
    await seedInteractionDemo(trx, units.get(DEMO_BUREAU_CODE)!.id, (code) => units.get(code)?.id);
    await seedSecondCityDemo(trx, units.get(SECOND_CITY_CODE)!.id);
    await trx.insertInto('settings').values({ key: 'demo', value: '1' }).execute();
    await auditRepo.append(trx, {
      at: nowIso(),
      actor_id: null,
      actor_name: 'system',
      actor_roles: '',
      client_ip: '127.0.0.1',
      action: 'system.seed-demo',
      object_type: 'organisation',
      object_id: null,
      result: 'success',
      request_id: 'startup',
      detail: JSON.stringify({ units: DEMO_UNITS.length, accounts: DEMO_ACCOUNTS.length }),
    });
  });
  // Stations, sections, enterprises and incidents; the year of hourly air readings is separate (server.ts).
  await seedEnvironmentDemo(db);
  // after Changde's, so that each table's first demo row is still Changde's (cross-city.test.ts)
  const xiangtan = await db
    .selectFrom('units')
    .select('id')
    .where('code', '=', SECOND_CITY_CODE)
    .executeTakeFirstOrThrow();
  await db.transaction().execute((trx) => seedSecondCityEnvironment(trx, xiangtan.id));
}
