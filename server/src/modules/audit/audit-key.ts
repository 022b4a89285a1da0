// The audit chain's HMAC key (decision 070). It must live outside the database and its backups: whoever
// can write the database but does not hold the key can neither rewrite records nor forge a checkpoint.
// Production gives it in AUDIT_HMAC_KEY (config.ts refuses to start without it); a demo installation
// generates one into DATA_DIR/keys/audit.key (0600), a file `npm run backup` never copies.
import { createHmac } from 'node:crypto';
import type { Config } from '../../config.ts';
import { keyFile, loadSecretKey } from '../../secret-key-file.ts';

export interface AuditKey {
  key: Buffer;
  /** a public fingerprint of the key, written into the chain and every checkpoint: names a wrong key */
  id: string;
  /** 'AUDIT_HMAC_KEY', or the path of the generated key file */
  source: string;
}

export const AUDIT_KEY_ENV = 'AUDIT_HMAC_KEY';

export function auditKeyFile(dataDir: string): string {
  return keyFile(dataDir, 'audit');
}

/** The key's fingerprint: an HMAC of a fixed label, so it reveals nothing about the key. */
export function auditKeyId(key: Buffer): string {
  return createHmac('sha256', key).update('GreenVoice audit key id v1').digest('hex').slice(0, 16);
}

export function auditKeyFrom(key: Buffer, source: string): AuditKey {
  return { key, id: auditKeyId(key), source };
}

export function loadAuditKey(config: Pick<Config, 'auditHmacKey' | 'dataDir' | 'production'>): AuditKey {
  const { key, source } = loadSecretKey({
    given: config.auditHmacKey,
    envName: AUDIT_KEY_ENV,
    label: 'the audit key',
    file: auditKeyFile(config.dataDir),
    production: config.production,
  });
  return auditKeyFrom(key, source);
}
