// fast-check arbitraries generated from a route's JSON schemas (TypeBox emits plain JSON Schema):
// values that satisfy the schema, values on its boundaries, and values that break it in one place.
// The fuzz test and `npm run fuzz` send them to every declared route (docs/security-requirements.md §16).
import fc from 'fast-check';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minProperties?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

/** Strings that have broken servers before: injection, traversal, odd Unicode, huge numbers as text. */
export const NASTY_STRINGS = [
  '',
  ' ',
  "' OR '1'='1' --",
  '1; DROP TABLE people; --',
  '") UNION SELECT password_hash FROM people --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  '\u202e\u0645\u0631\u062d\u0628\u0627',
  '\ud83d\udca9\ud83c\udf3f绿讯',
  '\ud800',
  '常德市生态环境局武陵分局'.repeat(30),
  '9'.repeat(400),
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '0x10',
  '2026-02-30',
  '9999-99-99',
  '1970-01-01T00:00:00Z',
  'a\r\nSet-Cookie: x=1',
];

const SAFE_INT = 2147483647;

function kind(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type[0];
  return schema.type;
}

function dateString(): fc.Arbitrary<string> {
  return fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2199-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 300, 2000);
  if (schema.format === 'date') return dateString();
  if (schema.format === 'date-time')
    return fc
      .date({
        min: new Date('1970-01-01T00:00:00Z'),
        max: new Date('2199-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString());
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.pattern) {
    const re = new RegExp(schema.pattern);
    return fc
      .stringMatching(re)
      .filter((s) => s.length >= minLength && s.length <= maxLength && !s.includes('\u0000'));
  }
  const unit = fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme' }) },
    { weight: 2, arbitrary: fc.constantFrom('常', '德', '环', '保', '绿', '讯', '局', '科') },
  );
  return fc
    .oneof(
      { weight: 6, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength }) },
      {
        weight: 2,
        arbitrary: fc
          .array(unit, { minLength, maxLength })
          .map((parts) => parts.join('').slice(0, maxLength))
          .filter((s) => s.length >= minLength),
      },
      // the boundaries themselves
      { weight: 1, arbitrary: fc.constant('x'.repeat(minLength)) },
      { weight: 1, arbitrary: fc.constant('环'.repeat(maxLength)) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(...NASTY_STRINGS)
          .filter((s) => s.length >= minLength && s.length <= maxLength),
      },
    )
    .filter((s) => !s.includes('\u0000'));
}

function validNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min =
    schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -SAFE_INT);
  const max =
    schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : SAFE_INT);
  if (integer)
    return fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min, max }) },
      { weight: 2, arbitrary: fc.integer({ min, max: Math.min(max, min + 50) }) },
      { weight: 1, arbitrary: fc.constantFrom(min, max) },
    );
  return fc.oneof(
    { weight: 4, arbitrary: fc.double({ min, max, noNaN: true, noDefaultInfinity: true }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
  );
}

/** Values the schema accepts, biased towards its boundaries. */
export function validValue(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => validValue(s, depth + 1)));
  if (schema.allOf?.length) return validValue(Object.assign({}, ...schema.allOf) as JsonSchema, depth);
  switch (kind(schema)) {
    case 'string':
      return validString(schema);
    case 'integer':
      return validNumber(schema, true);
    case 'number':
      return validNumber(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = schema.items ? validValue(schema.items, depth + 1) : fc.jsonValue();
      const opts = { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 20) };
      return schema.uniqueItems
        ? fc.uniqueArray(item, { ...opts, selector: (v) => JSON.stringify(v) })
        : fc.array(item, opts);
    }
    case 'object':
      return validObject(schema, depth);
    default:
      return depth > 3 ? fc.constant(null) : fc.jsonValue({ maxDepth: 2 });
  }
}

function validObject(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const keys = Object.keys(props);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const key of keys) record[key] = validValue(props[key]!, depth + 1);
  return fc
    .record(record, { requiredKeys: keys.filter((k) => required.has(k)) })
    .filter((o) => Object.keys(o).length >= (schema.minProperties ?? 0));
}

/** A value of the wrong JSON type (or a nasty value) for the schema. */
function wrongType(schema: JsonSchema): fc.Arbitrary<unknown> {
  const t = kind(schema);
  return fc.oneof(
    fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, [], {}, [null], { $gt: '' }),
    fc.constantFrom(...NASTY_STRINGS),
    t === 'string' ? fc.integer() : fc.string(),
    fc.anything({ maxDepth: 2 }),
  );
}

/** A value that breaks the schema at its top level or in exactly one property. */
export function invalidValue(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [wrongType(schema)];
  const t = kind(schema);
  if (t === 'string') {
    if (schema.maxLength !== undefined)
      options.push(fc.constant('环'.repeat(Math.min(schema.maxLength + 1, 100_000))));
    if (schema.minLength) options.push(fc.constant('x'.repeat(schema.minLength - 1)));
    if (schema.format || schema.pattern) options.push(fc.constantFrom(...NASTY_STRINGS));
  }
  if (t === 'integer' || t === 'number') {
    if (schema.minimum !== undefined) options.push(fc.constant(schema.minimum - 1));
    if (schema.maximum !== undefined) options.push(fc.constant(schema.maximum + 1));
    options.push(fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, 0.5, 1e21));
  }
  if (t === 'array') {
    if (schema.maxItems !== undefined && schema.items)
      options.push(
        fc.array(validValue(schema.items, depth + 1), {
          minLength: schema.maxItems + 1,
          maxLength: schema.maxItems + 3,
        }),
      );
    if (schema.items && depth < 3)
      options.push(fc.array(invalidValue(schema.items, depth + 1), { minLength: 1, maxLength: 3 }));
  }
  if (t === 'object' && schema.properties && depth < 3) {
    const keys = Object.keys(schema.properties);
    const valid = validObject(schema, depth);
    if (schema.required?.length)
      options.push(
        fc
          .tuple(valid, fc.constantFrom(...schema.required))
          .map(([o, k]) => Object.fromEntries(Object.entries(o).filter(([key]) => key !== k))),
      );
    if (schema.additionalProperties === false)
      options.push(
        fc
          .tuple(
            valid,
            fc.constantFrom('__proto__', 'constructor', 'status', 'score', 'role', 'unitId', 'isAdmin', 'id'),
          )
          .filter(([, k]) => !keys.includes(k))
          .map(([o, k]) =>
            JSON.parse(
              JSON.stringify(o).replace(/^\{/, `{${JSON.stringify(k)}:1${Object.keys(o).length ? ',' : ''}`),
            ),
          ),
      );
    if (keys.length)
      options.push(
        fc
          .tuple(valid, fc.constantFrom(...keys))
          .chain(([o, k]) =>
            invalidValue(schema.properties![k]!, depth + 1).map((bad) => ({ ...o, [k]: bad })),
          ),
      );
  }
  return fc.oneof(...options);
}

/** Mostly valid, often on the boundaries, often broken: what a fuzzer should send. */
export function fuzzValue(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  if (!schema) return fc.oneof(fc.constant(undefined), fc.anything({ maxDepth: 2 }));
  return fc.oneof(
    { weight: 5, arbitrary: validValue(schema) },
    { weight: 4, arbitrary: invalidValue(schema) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
  );
}
