// The demo installation's generated audit key file (decision 070): real files in a temporary directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../config.ts';
import { auditKeyFile, loadAuditKey } from './audit-key.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-key-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const demo = { dataDir, auditHmacKey: null, production: false };

describe('audit key', () => {
  it('generates a 32-byte key once into DATA_DIR/keys/audit.key (0600, directory 0700) and reuses it', () => {
    const first = loadAuditKey(demo);
    const file = auditKeyFile(dataDir);
    expect(first.source).toBe(file);
    expect(first.key.length).toBe(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(loadAuditKey(demo).key).toEqual(first.key);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['audit.key']);
  });

  it('prefers AUDIT_HMAC_KEY, and never generates one in production', () => {
    const given = Buffer.alloc(32, 1);
    expect(loadAuditKey({ ...demo, auditHmacKey: given })).toMatchObject({
      key: given,
      source: 'AUDIT_HMAC_KEY',
    });
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-key-'));
    expect(() => loadAuditKey({ dataDir: empty, auditHmacKey: null, production: true })).toThrow(ConfigError);
    expect(fs.existsSync(auditKeyFile(empty))).toBe(false);
    fs.rmSync(empty, { recursive: true });
  });

  it('refuses a key file others can read, or one that is not 32 bytes', () => {
    const file = auditKeyFile(dataDir);
    fs.chmodSync(file, 0o644);
    expect(() => loadAuditKey(demo)).toThrow(/readable by its owner only: chmod 600/);
    fs.chmodSync(file, 0o600);
    fs.writeFileSync(file, 'c2hvcnQ=\n');
    expect(() => loadAuditKey(demo)).toThrow(/must hold 32 bytes/);
  });
});
