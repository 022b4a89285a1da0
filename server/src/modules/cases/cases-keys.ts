// The cases key (CASES_KEY, or the demo key file DATA_DIR/keys/cases.key): it never lives in the
// database, so a copy of the database yields neither who reported nor any query code
// (docs/public-interaction.md "Reporter protection"). Three sub-keys are derived from it: one seals the
// reporter's details (AES-256-GCM, modules/auth/secret-box.ts), one keys the query-code hashes, one
// turns a form's token into its case's query code and idempotency key.
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { QUERY_CODE_LENGTH, codeFromBytes } from '@greenvoice/common';
import type { Config } from '../../config.ts';
import { keyFile, loadSecretKey } from '../../secret-key-file.ts';
import { openSecret, sealSecret } from '../auth/secret-box.ts';

export const CASES_KEY_ENV = 'CASES_KEY';

export interface ReporterDetails {
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  idNumber: string | null;
  organisation: string | null;
}

const derive = (key: Buffer, label: string) =>
  Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), `GreenVoice cases ${label} v1`, 32));

export function createCasesKeys(key: Buffer) {
  const seal = derive(key, 'identity');
  const codes = derive(key, 'query-code');
  const forms = derive(key, 'form-token');
  const mac = (k: Buffer, text: string) => createHmac('sha256', k).update(text).digest();
  const codeHash = (trackingNumber: string, code: string) =>
    mac(codes, `${trackingNumber}\n${code}`).toString('base64url');
  // compared against when the number is unknown, so both answers take the same work
  const decoy = codeHash('-', randomBytes(8).toString('hex'));

  return {
    sealReporter: (d: ReporterDetails) => sealSecret(JSON.stringify(d), seal),
    openReporter: (sealed: string) => JSON.parse(openSecret(sealed, seal)) as ReporterDetails,
    codeHash,
    /** the typed code against the stored hash, in constant time; `stored` null for an unknown number */
    codeMatches(stored: string | null, trackingNumber: string, typedCode: string): boolean {
      const a = Buffer.from(codeHash(trackingNumber, typedCode));
      const b = Buffer.from(stored ?? decoy);
      return a.length === b.length && timingSafeEqual(a, b) && stored !== null;
    },
    /** a form's token → the query code of the case it files (a repeat of the form gets the same one) */
    queryCodeFor: (formToken: string) => codeFromBytes(mac(forms, `code\n${formToken}`), QUERY_CODE_LENGTH),
    idempotencyKey: (formToken: string) => mac(forms, `once\n${formToken}`).toString('base64url'),
    /** signs a challenge's answer and expiry so the server keeps no state for it */
    signChallenge: (payload: string) => mac(forms, `challenge\n${payload}`).toString('base64url'),
  };
}
export type CasesKeys = ReturnType<typeof createCasesKeys>;

export function loadCasesKeys(config: Pick<Config, 'casesKey' | 'dataDir' | 'production'>): CasesKeys {
  const { key } = loadSecretKey({
    given: config.casesKey,
    envName: CASES_KEY_ENV,
    label: 'the cases key',
    file: keyFile(config.dataDir, 'cases'),
    production: config.production,
  });
  return createCasesKeys(key);
}
