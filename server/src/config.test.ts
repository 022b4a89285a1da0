import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to SQLite under ./data on port 3000', () => {
    const c = loadConfig({}, '/srv/gv');
    expect(c).toMatchObject({
      port: 3000,
      dialect: 'sqlite',
      databaseUrl: '/srv/gv/data/greenvoice.db',
      cookieSecure: false,
      demoData: true,
    });
  });

  it('uses PostgreSQL when DATABASE_URL says so, and secure cookies behind an https PUBLIC_URL', () => {
    const c = loadConfig(
      { DATABASE_URL: 'postgres://u@db/gv', PUBLIC_URL: 'https://hbj.example.gov.cn' },
      '/srv',
    );
    expect(c).toMatchObject({ dialect: 'postgres', cookieSecure: true });
  });

  it('keeps uploaded files in the database on PostgreSQL and on disk on SQLite, unless FILE_STORE says', () => {
    expect(loadConfig({}, '/srv').fileStore).toBe('disk');
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/gv' }, '/srv').fileStore).toBe('database');
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/gv', FILE_STORE: 'disk' }, '/srv').fileStore).toBe(
      'disk',
    );
    expect(loadConfig({ FILE_STORE: 'database' }, '/srv').fileStore).toBe('database');
    expect(() => loadConfig({ FILE_STORE: 'nfs' }, '/srv')).toThrow(/FILE_STORE must be disk or database/);
  });

  it('keeps an upgraded PostgreSQL installation with files already on disk on disk, until it migrates', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-config-files-'));
    try {
      const pg = { DATABASE_URL: 'postgres://u@db/gv', DATA_DIR: dataDir };
      fs.mkdirSync(path.join(dataDir, 'files', 'ab'), { recursive: true });
      // empty store directories are not files
      expect(loadConfig(pg).fileStore).toBe('database');
      fs.writeFileSync(path.join(dataDir, 'files', 'ab', 'abcdef'), 'evidence');
      expect(loadConfig(pg).fileStore).toBe('disk');
      expect(loadConfig({ ...pg, FILE_STORE: 'database' }).fileStore).toBe('database');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses invalid values with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '90' })).toThrow(/SESSION_IDLE_MINUTES/);
    expect(() => loadConfig({ DEMO_DATA: 'maybe' })).toThrow(/DEMO_DATA/);
    expect(() => loadConfig({ PUBLIC_URL: 'hbj.example.gov.cn/path' })).toThrow(/PUBLIC_URL/);
  });

  it('requires CASES_KEY in production, 32 bytes in base64 (it encrypts reporters’ identities)', () => {
    const auditKey = Buffer.alloc(32, 7).toString('base64');
    expect(() => loadConfig({ NODE_ENV: 'production', AUDIT_HMAC_KEY: auditKey })).toThrow(
      /CASES_KEY is required in production/,
    );
    expect(() => loadConfig({ CASES_KEY: 'c2hvcnQ=' })).toThrow(/CASES_KEY/);
  });

  it('requires AUDIT_HMAC_KEY in production, 32 bytes in base64, and places the checkpoints under DATA_DIR', () => {
    const casesKey = Buffer.alloc(32, 9).toString('base64');
    expect(() => loadConfig({ NODE_ENV: 'production', CASES_KEY: casesKey })).toThrow(
      /AUDIT_HMAC_KEY is required in production/,
    );
    expect(() => loadConfig({ AUDIT_HMAC_KEY: 'c2hvcnQ=' })).toThrow(/AUDIT_HMAC_KEY must be 32 bytes/);
    const key = Buffer.alloc(32, 7).toString('base64');
    const c = loadConfig({ NODE_ENV: 'production', AUDIT_HMAC_KEY: key, CASES_KEY: casesKey }, '/srv/gv');
    expect(c).toMatchObject({ production: true, auditCheckpointDir: '/srv/gv/data/audit-checkpoints' });
    expect(c.auditHmacKey).toEqual(Buffer.alloc(32, 7));
    expect(loadConfig({ AUDIT_CHECKPOINT_DIR: '/var/log/gv' }).auditCheckpointDir).toBe('/var/log/gv');
    expect(() => loadConfig({ AUDIT_CHECKPOINT_CRON: 'hourly' })).toThrow(/AUDIT_CHECKPOINT_CRON/);
  });
});
