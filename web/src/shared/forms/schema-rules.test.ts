import { IncidentInput, PersonInput, UnitInput } from '@greenvoice/common';
import { describe, expect, it } from 'vitest';
import { dictionaries, type DictKey } from '../i18n/dictionary.ts';
import { check, schemaRules } from './schema-rules.ts';

const t = (key: DictKey, vars?: Record<string, string | number>) =>
  dictionaries.en[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars?.[k]));
const props = (s: unknown) => (s as { properties: Record<string, object> }).properties;

describe('form rules from the API schemas', () => {
  it('marks what the schema requires and nothing else', () => {
    const rules = schemaRules(UnitInput, t);
    expect(rules('name').some((r) => 'required' in r && r.required)).toBe(true);
    expect(rules('sortOrder').some((r) => 'required' in r && r.required)).toBe(false);
    expect(() => rules('nope')).toThrow(/no property "nope"/);
  });

  it.each([
    ['name', 'x'.repeat(101), 'At most 100 characters'],
    ['name', '常'.repeat(100), null],
    ['code', 'a b', 'Not in the expected format'],
    ['code', 'WL-01', null],
    ['sortOrder', 100001, 'Between 0 and 100000'],
    ['sortOrder', 1.5, 'Enter a whole number'],
  ])('unit %s = %j → %s', (field, value, expected) => {
    expect(check(props(UnitInput)[field] as object, value, t)).toBe(expected);
  });

  it('looks through "or null" and skips values that are not yet strings (date pickers)', () => {
    expect(check(props(PersonInput).mobile as object, '1'.repeat(21), t)).toBe('At most 20 characters');
    expect(check(props(IncidentInput).occurredAt as object, { $d: new Date() }, t)).toBeNull();
    expect(check(props(IncidentInput).occurredAt as object, '2026-12-01 10:00', t)).toBe(
      'Not in the expected format',
    );
  });

  it('counts characters, not UTF-16 units', () => {
    expect(check({ type: 'string', maxLength: 2 }, '𠀀𠀀', t)).toBeNull();
  });
});
