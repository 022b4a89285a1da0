// RFC 6238 Appendix B and RFC 4226 Appendix D test vectors, single use, the clock window, and the
// secret box.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './secret-box.ts';
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUri, totpStep } from './totp.ts';

const RFC_SECRET = Buffer.from('12345678901234567890');

describe('HOTP and TOTP', () => {
  it.each([
    [0, '755224'],
    [1, '287082'],
    [2, '359152'],
    [9, '520489'],
  ])('RFC 4226 HOTP counter %i → %s', (counter, code) => {
    expect(hotp(RFC_SECRET, counter)).toBe(code);
  });

  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1234567890, '89005924'],
    [20000000000, '65353130'],
  ])('RFC 6238 SHA-1 at T=%i → %s', (seconds, code) => {
    expect(hotp(RFC_SECRET, totpStep(seconds * 1000), 8)).toBe(code);
  });

  it('base32 round-trips and new secrets are 160 bits', () => {
    const bytes = randomBytes(20);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(base32Decode(newTotpSecret())).toHaveLength(20);
    expect(base32Encode(RFC_SECRET)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('accepts the current code and its neighbours once; refuses replays, old steps and junk', () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 10, 29, 3, 0, 10);
    const step = totpStep(now);
    const code = hotp(base32Decode(secret), step);
    expect(matchTotp(secret, code, now, null)).toBe(step);
    expect(matchTotp(secret, code, now, step)).toBeNull(); // replayed within its window
    expect(matchTotp(secret, hotp(base32Decode(secret), step - 1), now, null)).toBe(step - 1);
    expect(matchTotp(secret, hotp(base32Decode(secret), step - 1), now, step - 1)).toBeNull();
    expect(matchTotp(secret, hotp(base32Decode(secret), step - 2), now, null)).toBeNull();
    expect(matchTotp(secret, '12345', now, null)).toBeNull();
    expect(matchTotp(secret, 'abcdef', now, null)).toBeNull();
  });

  it('builds the otpauth URI authenticator apps read', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'zhang.admin', '绿讯 GreenVoice');
    expect(uri).toMatch(
      /^otpauth:\/\/totp\/%E7%BB%BF%E8%AE%AF%20GreenVoice%3Azhang\.admin\?secret=JBSWY3DPEHPK3PXP&/,
    );
    expect(uri).toContain('digits=6');
    expect(uri).toContain('period=30');
  });
});

describe('secret box', () => {
  it('encrypts with a key (authenticated), marks plain without one', () => {
    const key = randomBytes(32);
    const sealed = sealSecret('JBSWY3DPEHPK3PXP', key);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(sealed, key)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => openSecret(sealed, randomBytes(32))).toThrow();
    expect(() => openSecret(sealed.slice(0, -4) + 'AAAA', key)).toThrow();
    expect(() => openSecret(sealed, null)).toThrow(/TOTP_ENCRYPTION_KEY/);
    expect(openSecret(sealSecret('ABC', null), null)).toBe('ABC');
  });
});
