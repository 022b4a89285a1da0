import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
});
afterAll(() => t.close());

it('throttles sign-in attempts per client IP with 429 and Retry-After', async () => {
  const attempt = (ip: string) =>
    t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'reviewer', password: 'wrong-wrong-wrong' },
      remoteAddress: ip,
    });
  for (let i = 0; i < 3; i++) expect((await attempt('10.9.9.9')).statusCode).toBe(401);
  const limited = await attempt('10.9.9.9');
  expect(limited.statusCode).toBe(429);
  expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('频繁') });
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  // another client is not affected
  expect((await attempt('10.9.9.10')).statusCode).toBe(401);
});
