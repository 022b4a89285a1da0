// The one way a secret key outside the database is found: given in an environment variable, or — on a
// demo installation only — generated once into DATA_DIR/keys/<name>.key (0600), a directory
// `npm run backup` never copies. Used by the audit chain's key (decision 070) and the cases key that
// encrypts reporters' identities (docs/public-interaction.md).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config.ts';

export function keyFile(dataDir: string, name: string): string {
  return path.join(dataDir, 'keys', `${name}.key`);
}

/** The given key, or the demo key file's (created if missing); refuses to generate one in production. */
export function loadSecretKey(o: {
  given: Buffer | null;
  envName: string;
  /** what the key is for, in messages: 'the audit key' */
  label: string;
  file: string;
  production: boolean;
}): { key: Buffer; source: string } {
  if (o.given) return { key: o.given, source: o.envName };
  if (o.production) throw new ConfigError(`${o.envName} is required in production`);
  if (!fs.existsSync(o.file)) createKeyFile(o.file);
  const mode = fs.statSync(o.file).mode & 0o777;
  if (mode & 0o077)
    throw new ConfigError(
      `${o.file} (${o.label}) must be readable by its owner only: chmod 600 ${o.file} (mode is ${mode.toString(8)})`,
    );
  const key = Buffer.from(fs.readFileSync(o.file, 'utf8').trim(), 'base64');
  if (key.length !== 32)
    throw new ConfigError(`${o.file} must hold 32 bytes in base64 (${o.label}); got ${key.length}`);
  return { key, source: o.file };
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
