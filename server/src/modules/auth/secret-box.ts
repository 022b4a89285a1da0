// Encrypts TOTP secrets at rest with AES-256-GCM when TOTP_ENCRYPTION_KEY is set (decision 051): a
// copy of the database then does not yield anyone's second factor. Without a key the secret is stored
// marked as plain, so a key can be introduced later (secrets are re-encrypted at their next use).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX_GCM = 'v1:';
const PREFIX_PLAIN = 'plain:';

export class SecretBoxError extends Error {}

export function sealSecret(secret: string, key: Buffer | null): string {
  if (!key) return PREFIX_PLAIN + secret;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${PREFIX_GCM}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${body.toString('base64')}`;
}

export function openSecret(stored: string, key: Buffer | null): string {
  if (stored.startsWith(PREFIX_PLAIN)) return stored.slice(PREFIX_PLAIN.length);
  if (!stored.startsWith(PREFIX_GCM)) throw new SecretBoxError('unknown secret format');
  if (!key) throw new SecretBoxError('TOTP secrets are encrypted but TOTP_ENCRYPTION_KEY is not set');
  const [iv, tag, body] = stored.slice(PREFIX_GCM.length).split(':');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv ?? '', 'base64'));
  decipher.setAuthTag(Buffer.from(tag ?? '', 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(body ?? '', 'base64')), decipher.final()]).toString(
    'utf8',
  );
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX_GCM);
}
