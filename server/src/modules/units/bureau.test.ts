// The bureau of a unit has one implementation (decision 080): the deepest city bureau (or province) at or
// above it. An officer's bureau is the one ABOVE their unit, never the unit itself — the old
// `ownerUnitId(scopePath)` / `scopeUnitId(actor)` took the officer's own unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { bureauOf } from './units.repo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

const unit = (code: string) =>
  t.database.db
    .selectFrom('units')
    .select(['id', 'path', 'kind'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();

describe('bureauOf', () => {
  it("answers the city bureau above an officer's unit, not the unit", async () => {
    const officerUnit = await unit('CD-WL');
    const city = await t.database.db
      .selectFrom('units')
      .select(['id', 'path'])
      .where('kind', '=', 'cityBureau')
      .executeTakeFirstOrThrow();
    expect(officerUnit.path.startsWith(city.path)).toBe(true);
    expect(await bureauOf(t.database.db, officerUnit.path)).toEqual({ id: city.id, path: city.path });
  });

  it('answers the bureau itself for a bureau, and the deepest of a province and a city', async () => {
    const city = await t.database.db
      .selectFrom('units')
      .select(['id', 'path'])
      .where('kind', '=', 'cityBureau')
      .executeTakeFirstOrThrow();
    expect(await bureauOf(t.database.db, city.path)).toEqual(city);
    const at = new Date().toISOString();
    const province = await t.database.db
      .insertInto('units')
      .values({
        code: 'P-1',
        name: '省厅',
        kind: 'province',
        parent_id: null,
        path: '/',
        sort_order: 0,
        is_demo: 0,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // a city placed under the province: its path starts with the province's id
    expect(await bureauOf(t.database.db, `/${province.id}${city.path}`)).toEqual({
      id: city.id,
      path: city.path,
    });
  });
});

describe('the actor carries the bureau', () => {
  it("an officer's submission belongs to the bureau above the officer's unit", async () => {
    const cookie = await t.loginAs('officer.wl');
    const options = await t.inject({ method: 'GET', url: '/api/v1/submissions/co-unit-options', cookie });
    expect(options.statusCode).toBe(200);
    const officerUnit = await unit('CD-WL');
    // the options are the bureau's assessed units, so the scope used is the bureau's, not the unit's
    expect((options.json() as { id: number }[]).length).toBeGreaterThan(1);
    expect((options.json() as { id: number }[]).map((u) => u.id)).not.toContain(officerUnit.id);
  });
});
