// The one optimistic update (decision 098) on both databases: a change lands only at the version read,
// moves the version on, and a stale version, a missing row or an unmet key column changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { deleteVersioned, updateVersioned } from './versioned.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  await t.database.db
    .insertInto('working_calendar_years')
    .values({ year: 2099, version: 1, updated_at: 'a' })
    .execute();
});
afterAll(() => t?.close());

const row = () =>
  t.database.db
    .selectFrom('working_calendar_years')
    .select(['version', 'updated_at'])
    .where('year', '=', 2099)
    .executeTakeFirst();

describe('updateVersioned / deleteVersioned', () => {
  it('updates at the version read and moves it on; a stale version changes nothing', async () => {
    const db = t.database.db;
    expect(await updateVersioned(db, 'working_calendar_years', { year: 2099 }, 1, { updated_at: 'b' })).toBe(
      true,
    );
    expect(await row()).toEqual({ version: 2, updated_at: 'b' });
    expect(await updateVersioned(db, 'working_calendar_years', { year: 2099 }, 1, { updated_at: 'c' })).toBe(
      false,
    );
    expect(await updateVersioned(db, 'working_calendar_years', { year: 2098 }, 2, { updated_at: 'c' })).toBe(
      false,
    );
    expect(await row()).toEqual({ version: 2, updated_at: 'b' });
  });

  it('a null in the key means IS NULL: a row whose column has a value is not matched', async () => {
    const db = t.database.db;
    const key = { year: 2099, updated_at: null };
    expect(await updateVersioned(db, 'working_calendar_years', key, 2, { updated_at: 'd' })).toBe(false);
    expect(await deleteVersioned(db, 'working_calendar_years', key, 2)).toBe(false);
  });

  it('deletes only at the version read', async () => {
    const db = t.database.db;
    expect(await deleteVersioned(db, 'working_calendar_years', { year: 2099 }, 1)).toBe(false);
    expect(await deleteVersioned(db, 'working_calendar_years', { year: 2099 }, 2)).toBe(true);
    expect(await row()).toBeUndefined();
  });
});
