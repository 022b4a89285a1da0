// The audit chain's HMAC key (decision 070). It must live outside the database and its backups: whoever
// can write the database but does not hold the key can neither rewrite records nor forge a checkpoint.
// Production gives it in AUDIT_HMAC_KEY (config.ts refuses to start without it); a demo installation
// generates one into DATA_DIR/keys/audit.key (0600), a file `npm run backup` never copies.
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, type Config } from '../../config.ts';

export interface AuditKey {
  key: Buffer;
  /** a public fingerprint of the key, written into the chain and every checkpoint: names a wrong key */
  id: string;
  /** 'AUDIT_HMAC_KEY', or the path of the generated key file */
  source: string;
}

export const AUDIT_KEY_ENV = 'AUDIT_HMAC_KEY';

export function auditKeyFile(dataDir: string): string {
  return path.join(dataDir, 'keys', 'audit.key');
}

/** The key's fingerprint: an HMAC of a fixed label, so it reveals nothing about the key. */
export function auditKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('GreenVoice audit key id v1').digest('hex').slice(0, 16);
}

export function auditKeyFrom(key: Buffer, source: string): AuditKey {
  return { key, id: auditKeyId(key), source };
}

export function loadAuditKey(config: Pick<Config, 'auditHmacKey' | 'dataDir' | 'production'>): AuditKey {
  if (config.auditHmacKey) return auditKeyFrom(config.auditHmacKey, AUDIT_KEY_ENV);
  if (config.production) throw new ConfigError(`${AUDIT_KEY_ENV} is required in production`);
  const file = auditKeyFile(config.dataDir);
  if (!fs.existsSync(file)) createKeyFile(file);
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o077)
    throw new ConfigError(
      `${file} (the audit key) must be readable by its owner only: chmod 600 ${file} (mode is ${mode.toString(8)})`,
    );
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32)
    throw new ConfigError(`${file} must hold 32 bytes in base64 (the audit key); got ${key.length}`);
  return auditKeyFrom(key, file);
}

/**
 * Writes a new random key: complete in a temporary file first, then linked into place, so two servers
 * starting at once both end up with the one key that won (link fails if the name exists).
 */
function createKeyFile(file: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, `${randomBytes(32).toString('base64')}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.unlinkSync(tmp);
  }
}
