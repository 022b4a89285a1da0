// Delivery of the outbox against real local receivers (decision 120): a node:http server standing in for
// the WeCom and DingTalk robots and the SMS gateway (exact bodies, the DingTalk signature), a real SMTP
// server for mail; a receiver answering 500 and one never answering → retried with backoff, then failed
// and shown to the administrator, the originating request unaffected; two servers → each sent once.
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dingtalkBody, MAX_ATTEMPTS, wecomBody } from '@greenvoice/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import { createServices } from '../../services.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import type { NotificationDraft, ReminderRule } from './notifications.service.ts';
import { registerSignupReminders } from '../activities/signup-reminders.ts';
import { createSignupsRepo } from '../activities/signups.repo.ts';

interface Received {
  path: string;
  body: string;
  headers: http.IncomingHttpHeaders;
}
interface Mail {
  to: string;
  data: string;
}
// smtp-server ships no types (and needs none here): the part used
const SMTPServer = (
  createRequire(import.meta.url)('smtp-server') as {
    SMTPServer: new (o: object) => {
      listen(port: number, host: string, cb: () => void): void;
      close(cb: () => void): void;
      server: { address(): AddressInfo };
    };
  }
).SMTPServer;

const SIGN_SECRET = 'SEC0123456789abcdef';
let t: TestApp;
let admin: string;
let bureauId: number;
let receiver: http.Server;
let base: string;
const received: Received[] = [];
const mails: Mail[] = [];
const hanging: http.ServerResponse[] = [];
let slowSeen = 0;
let smtp: InstanceType<typeof SMTPServer>;
let smtpPort: number;

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ path: req.url ?? '', body, headers: req.headers });
      if (req.url?.startsWith('/fail')) return void res.writeHead(500).end('internal error');
      // the first request is never answered (a timeout), later ones fail fast: the test stays quick
      if (req.url?.startsWith('/slow') && ++slowSeen === 1) return void hanging.push(res);
      if (req.url?.startsWith('/slow')) return void res.writeHead(502).end('bad gateway');
      if (req.url?.startsWith('/sms')) return void res.writeHead(200).end('{"code":"OK"}');
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(
      stream: NodeJS.ReadableStream,
      session: { envelope: { rcptTo: { address: string }[] } },
      cb: () => void,
    ) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
        cb();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpPort = smtp.server.address().port;

  t = await createTestApp({
    demo: true,
    env: {
      NOTIFY_SEND_TIMEOUT_MS: '1000',
      TOTP_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      PUBLIC_URL: 'https://hbj.example.cn',
    },
  });
  admin = await t.loginAs('admin');
  const db = t.database.db;
  bureauId = (await db.selectFrom('units').select('id').where('code', '=', 'CDHB').executeTakeFirstOrThrow())
    .id;
  await db
    .updateTable('people')
    .set({ email: 'reviewer@hbj.example.cn' })
    .where('username', '=', 'reviewer')
    .execute();
});
afterAll(async () => {
  hanging.forEach((r) => r.destroy());
  await t.close();
  await new Promise((r) => receiver.close(r));
  await new Promise<void>((r) => smtp.close(() => r()));
});

const channel = async (body: object) => {
  const res = await t.inject({
    method: 'POST',
    url: '/api/v1/notification-channels',
    cookie: admin,
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; secretsSet: string[]; version: number };
};
const setEnabled = (
  id: number,
  enabled: boolean,
  body: { name: string; settings: object; version: number },
) =>
  t.inject({
    method: 'PATCH',
    url: `/api/v1/notification-channels/${id}`,
    cookie: admin,
    payload: { name: body.name, settings: body.settings, version: body.version, enabled },
  });
const draft = (key: string): NotificationDraft => ({
  bureauUnitId: bureauId,
  to: { roles: ['reviewer'] },
  kind: 'test.delivery',
  title: { zh: '待审核稿件 2 篇', en: '2 pieces to review' },
  body: { zh: '请及时审核', en: 'Please review' },
  link: '/review',
  dedupeKey: key,
});
const notify = (d: NotificationDraft) =>
  t.database.db.transaction().execute((trx) => t.services.notifications.notify(trx, d));
const deliveries = (state?: string) =>
  t
    .inject({
      method: 'GET',
      url: `/api/v1/notification-deliveries${state ? `?state=${state}` : ''}`,
      cookie: admin,
    })
    .then((r) => r.json());

let ids: Record<'wecom' | 'dingtalk' | 'sms' | 'email', number>;
const template = '{"phone":"{{mobile}}","content":"{{text}}"}';

describe('channels', () => {
  it('are configured with their secrets sealed and never shown', async () => {
    const wecom = await channel({
      kind: 'wecom',
      name: '信息中心群',
      enabled: true,
      settings: {},
      secrets: { webhook: `${base}/wecom?key=wk-1` },
    });
    const ding = await channel({
      kind: 'dingtalk',
      name: '钉钉群',
      enabled: true,
      settings: {},
      secrets: { webhook: `${base}/ding?access_token=dt-1`, signSecret: SIGN_SECRET },
    });
    const sms = await channel({
      kind: 'sms',
      name: '短信网关',
      enabled: true,
      settings: {
        url: `${base}/sms`,
        contentType: 'application/json',
        bodyTemplate: template,
        authHeader: 'X-Api-Key',
      },
      secrets: { password: 'gw-key' },
    });
    const email = await channel({
      kind: 'email',
      name: '邮件',
      enabled: true,
      settings: { host: '127.0.0.1', port: smtpPort, secure: false, from: 'notify@hbj.example.cn' },
    });
    ids = { wecom: wecom.id, dingtalk: ding.id, sms: sms.id, email: email.id };
    expect(ding.secretsSet).toEqual(['signSecret', 'webhook']);
    const list = await t.inject({ method: 'GET', url: '/api/v1/notification-channels', cookie: admin });
    expect(list.body).not.toContain('dt-1');
    expect(list.body).not.toContain(SIGN_SECRET);
    const stored = await t.database.db
      .selectFrom('notification_channels')
      .select('secret')
      .where('id', '=', ding.id)
      .executeTakeFirstOrThrow();
    expect(stored.secret).toMatch(/^v1:/);
    expect(stored.secret).not.toContain('dt-1');
  });

  it('refuses an unknown template placeholder and a missing webhook, naming the field', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/v1/notification-channels',
      cookie: admin,
      payload: {
        kind: 'sms',
        name: 'x',
        enabled: true,
        settings: { url: `${base}/sms`, bodyTemplate: '{{mobil}}' },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0]).toMatchObject({
      field: '/settings/bodyTemplate',
      messageEn: expect.stringContaining('mobil'),
    });
    const noHook = await t.inject({
      method: 'POST',
      url: '/api/v1/notification-channels',
      cookie: admin,
      payload: { kind: 'wecom', name: 'x', enabled: true, settings: {} },
    });
    expect(noHook.json().fields[0].field).toBe('/secrets/webhook');
    const officer = await t.loginAs('officer.wl');
    expect(
      (await t.inject({ method: 'GET', url: '/api/v1/notification-channels', cookie: officer })).statusCode,
    ).toBe(403);
  });

  it('test-send answers what the receiver said', async () => {
    const ok = await t.inject({
      method: 'POST',
      url: `/api/v1/notification-channels/${ids.wecom}/test`,
      cookie: admin,
      payload: {},
    });
    expect(ok.json()).toEqual({ ok: true, detail: 'errcode 0 ok' });
    const mail = await t.inject({
      method: 'POST',
      url: `/api/v1/notification-channels/${ids.email}/test`,
      cookie: admin,
      payload: { to: 'admin@hbj.example.cn' },
    });
    expect(mail.json().ok).toBe(true);
    expect(mails.at(-1)?.to).toBe('admin@hbj.example.cn');
  });
});

describe('delivery', () => {
  it('sends each channel’s documented body once; the DingTalk request is signed', async () => {
    received.length = 0;
    mails.length = 0;
    await notify(draft('delivery:1'));
    const now = new Date();
    const result = await t.services.deliveryWorker.run('server-a', now);
    expect(result).toMatchObject({ sent: 4, retrying: 0, failed: 0 });
    const message = {
      title: '待审核稿件 2 篇',
      body: '请及时审核',
      url: 'https://hbj.example.cn/admin/review',
    };

    const wecom = received.find((r) => r.path.startsWith('/wecom'))!;
    expect(wecom.path).toBe('/wecom?key=wk-1');
    expect(JSON.parse(wecom.body)).toEqual(wecomBody(message));
    expect(JSON.parse(wecom.body).markdown.content).toBe(
      '**待审核稿件 2 篇**\n\n请及时审核\n\n[查看详情](https://hbj.example.cn/admin/review)',
    );

    const ding = received.find((r) => r.path.startsWith('/ding'))!;
    const url = new URL(ding.path, base);
    expect(url.searchParams.get('access_token')).toBe('dt-1');
    const timestamp = url.searchParams.get('timestamp')!;
    expect(Number(timestamp)).toBe(now.getTime());
    const expected = createHmac('sha256', SIGN_SECRET)
      .update(`${timestamp}\n${SIGN_SECRET}`)
      .digest('base64');
    expect(url.searchParams.get('sign')).toBe(expected); // searchParams decodes the URL-encoding
    expect(ding.path).toContain(`sign=${encodeURIComponent(expected)}`);
    expect(JSON.parse(ding.body)).toEqual(dingtalkBody(message));

    const sms = received.find((r) => r.path === '/sms')!;
    expect(sms.headers['x-api-key']).toBe('gw-key');
    expect(JSON.parse(sms.body)).toEqual({
      phone: '13907360002',
      content: '待审核稿件 2 篇\n请及时审核\nhttps://hbj.example.cn/admin/review',
    });

    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe('reviewer@hbj.example.cn');
    expect(mails[0]!.data).toContain(
      `Subject: =?UTF-8?B?${Buffer.from('待审核稿件 2 篇').toString('base64')}?=`,
    );
    // the body is quoted-printable: without its soft line breaks it holds the console link
    expect(mails[0]!.data.replace(/=\r?\n/g, '')).toContain('https://hbj.example.cn/admin/review');

    // nothing is sent twice: the next run finds nothing due
    expect(await t.services.deliveryWorker.run('server-a', new Date())).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(3);
  });

  it('reminds a confirmed sign-up the day before by SMS and e-mail, never the group robots', async () => {
    const ev = await t.inject({
      method: 'POST',
      url: '/api/v1/signup-events',
      cookie: admin,
      payload: {
        title: '环境监测站开放日',
        kind: 'openDay',
        startsAt: '2099-06-05T01:30:00Z',
        closesAt: '2099-06-04T10:00:00Z',
        place: '常德市环境监测站',
        capacity: 2,
      },
    });
    const signUp = (payload: object) =>
      t
        .inject({ method: 'POST', url: `/api/v1/public/signup-events/${ev.json().id}/signups`, payload })
        .then((r) => r.json() as { code: string; status: string });
    const told = await signUp({
      name: '李女士',
      groupSize: 1,
      mobile: '139 0736 1234',
      email: 'li@example.cn',
    });
    await signUp({ name: '不留联系方式', groupSize: 1 });
    expect((await signUp({ name: '候补', groupSize: 1, mobile: '13907365678' })).status).toBe('waiting');
    let rule: ReminderRule | undefined;
    registerSignupReminders({
      notifications: { registerReminderRule: (r) => (rule = r) },
      repo: createSignupsRepo(t.database.db),
    });
    const drafts = await rule!.run('2099-06-04'); // China time: the event is tomorrow
    expect(drafts.map((d) => d.to.outside?.name)).toEqual(['李女士']);
    received.length = 0;
    mails.length = 0;
    for (const d of drafts) expect(await notify(d)).toBe(true);
    expect(await notify(drafts[0]!)).toBe(false); // once per sign-up
    expect(await t.services.deliveryWorker.run('server-a', new Date())).toMatchObject({ sent: 2, failed: 0 });
    expect(received.map((r) => r.path)).toEqual(['/sms']);
    const sms = JSON.parse(received[0]!.body) as { phone: string; content: string };
    expect(sms.phone).toBe('13907361234');
    expect(sms.content).toContain('活动提醒：环境监测站开放日，2099-06-05 09:30，常德市环境监测站');
    expect(sms.content).toContain(told.code);
    expect(mails.map((m) => m.to)).toEqual(['li@example.cn']);
    const bad = await t.inject({
      method: 'POST',
      url: `/api/v1/public/signup-events/${ev.json().id}/signups`,
      payload: { name: 'x', groupSize: 1, mobile: '12345' },
    });
    expect([bad.statusCode, bad.json().fields[0].field]).toEqual([400, '/mobile']);
  });

  it('retries a 500 and a timeout with backoff, then fails visibly; the request that notified is unaffected', async () => {
    for (const [id, path] of [
      [ids.wecom, '/fail'],
      [ids.dingtalk, '/slow'],
    ] as const) {
      const c = (await t.inject({ method: 'GET', url: '/api/v1/notification-channels', cookie: admin }))
        .json()
        .items.find((x: { id: number }) => x.id === id);
      const res = await t.inject({
        method: 'PATCH',
        url: `/api/v1/notification-channels/${id}`,
        cookie: admin,
        payload: {
          name: c.name,
          enabled: true,
          settings: {},
          secrets: { webhook: `${base}${path}` },
          version: c.version,
        },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    for (const id of [ids.sms, ids.email]) {
      const c = (await t.inject({ method: 'GET', url: '/api/v1/notification-channels', cookie: admin }))
        .json()
        .items.find((x: { id: number }) => x.id === id);
      const res = await setEnabled(id, false, c);
      expect(res.statusCode, res.body).toBe(200);
    }
    // a real request that notifies: the reviewer returns a piece, its officer is told
    const officer = await t.loginAs('officer.wl');
    const outlet = (
      await t.database.db
        .selectFrom('outlets')
        .select('id')
        .where('name', '=', '湖南日报')
        .executeTakeFirstOrThrow()
    ).id;
    const piece = (
      await t.inject({
        method: 'POST',
        url: '/api/v1/submissions',
        cookie: officer,
        payload: {
          kind: 'newsReport',
          title: '退回测试稿件标题足够长',
          date: '2018-06-05',
          outletId: outlet,
          link: 'https://www.hnrb.example.cn/n/1.html',
          themes: ['environmentDay'],
          submit: true,
        },
      })
    ).json();
    const started = Date.now();
    const returned = await t.inject({
      method: 'POST',
      url: `/api/v1/submissions/${piece.id}/review`,
      cookie: await t.loginAs('reviewer'),
      headers: { 'if-match': `"${piece.version}"` },
      payload: { action: 'return', reason: '请补充链接' },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000); // it wrote the outbox; it sent nothing
    const inbox = (await t.inject({ method: 'GET', url: '/api/v1/notifications', cookie: officer })).json();
    expect(inbox.items[0].title.zh).toContain('稿件被退回修改');

    let now = new Date();
    const first = await t.services.deliveryWorker.run('server-a', now);
    expect(first).toMatchObject({ sent: 0, retrying: 2 });
    const retrying = await deliveries('retrying');
    expect(retrying.items.map((d: { lastError: string }) => d.lastError).sort()).toEqual([
      'HTTP 500: internal error',
      'no answer within 1000 ms',
    ]);
    expect(
      retrying.items.every(
        (d: { nextAttemptAt: string }) => Date.parse(d.nextAttemptAt) === now.getTime() + 60_000,
      ),
    ).toBe(true);
    // not due before its time
    expect(await t.services.deliveryWorker.run('server-a', new Date(now.getTime() + 59_000))).toMatchObject({
      retrying: 0,
      skipped: 0,
    });
    // each later attempt waits twice as long (capped), until the last one fails the delivery
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      const due = (await deliveries('retrying')).items[0].nextAttemptAt as string;
      now = new Date(Date.parse(due));
      await t.services.deliveryWorker.run('server-a', now);
    }
    const failed = await deliveries('failed');
    expect(failed.failed).toBe(2);
    expect(failed.items.map((d: { attempts: number }) => d.attempts)).toEqual([MAX_ATTEMPTS, MAX_ATTEMPTS]);
    // the administrator sends one again
    const retry = await t.inject({
      method: 'POST',
      url: `/api/v1/notification-deliveries/${failed.items[0].id}/retry`,
      payload: {},
      cookie: admin,
    });
    expect(retry.statusCode).toBe(200);
    expect((await deliveries('failed')).failed).toBe(1);
  });

  it('two servers on one database send each delivery exactly once', async () => {
    const c = (await t.inject({ method: 'GET', url: '/api/v1/notification-channels', cookie: admin }))
      .json()
      .items.find((x: { id: number }) => x.id === ids.wecom);
    await t.inject({
      method: 'PATCH',
      url: `/api/v1/notification-channels/${ids.wecom}`,
      cookie: admin,
      payload: {
        name: c.name,
        enabled: true,
        settings: {},
        secrets: { webhook: `${base}/wecom?key=race` },
        version: c.version,
      },
    });
    for (let i = 0; i < 12; i++) await notify(draft(`race:${i}`));
    const second = await openDatabase({
      url: t.config.databaseUrl,
      dialect: t.config.dialect,
      pgSchema: t.config.pgSchema,
    });
    try {
      const other = createServices({
        config: t.config,
        database: second,
        log: { info: () => {}, error: () => {} },
        auditKey: t.auditKey,
      });
      received.length = 0;
      const now = new Date();
      const [a, b] = await Promise.all([
        t.services.deliveryWorker.run('server-a', now),
        other.deliveryWorker.run('server-b', now),
      ]);
      expect(a.sent + b.sent).toBe(12); // the other channels are off (or still waiting to retry)
      expect(a.sent).toBeGreaterThan(0);
      const bodies = received.filter((r) => r.path === '/wecom?key=race').map((r) => r.body);
      console.log(
        a,
        b,
        received.map((r) => r.path),
      );
      expect(bodies).toHaveLength(12);
    } finally {
      await second.close();
    }
  });
});
