// The bodies the fuzzer sends, by what a route takes: a multipart upload, a browser's form, or JSON — each
// mostly well-formed from the route's body schema, sometimes broken or of another media type.
import fc from 'fast-check';
import type { DeclaredRoute } from '../../plugins/security.ts';
import { multipartFile } from '../multipart.ts';
import { fuzzValue, type JsonSchema } from './schema-arbitrary.ts';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function isMultipart(route: DeclaredRoute): boolean {
  const consumes = route.schema?.consumes;
  return Array.isArray(consumes) && consumes.includes('multipart/form-data');
}

/** A route that takes a browser's form (application/x-www-form-urlencoded), e.g. the portal's settings. */
export function isForm(route: DeclaredRoute): boolean {
  const consumes = route.schema?.consumes;
  return Array.isArray(consumes) && consumes.includes('application/x-www-form-urlencoded');
}

/**
 * A generated value as a form body: an object's fields as form fields (lists repeated), anything else
 * as raw text. Forms carry return paths, so the fields marked in `pathLike` get a leading '/'.
 */
function formBody(v: unknown, pathLike: boolean[]): string {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return wellFormed(text(v));
  const form = new URLSearchParams();
  for (const [i, [k, value]] of Object.entries(v).entries())
    for (const item of Array.isArray(value) ? value : [value])
      form.append(wellFormed(k), `${pathLike[i % pathLike.length] ? '/' : ''}${wellFormed(text(item))}`);
  return form.toString();
}

export function text(v: unknown): string {
  if (v === undefined) return '';
  return typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
}

/** Lone surrogates cannot be percent-encoded; a client would send U+FFFD in their place. */
export function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** The arbitrary of a request's body (and its content-type header) for a route. */
type Body = { payload?: string | Buffer; headers: Record<string, string> };

export function bodyArbitrary(route: DeclaredRoute, body: JsonSchema | undefined): fc.Arbitrary<Body> {
  const arbitrary: fc.Arbitrary<Body> = !BODY_METHODS.has(route.method)
    ? fc.constant({ headers: {} })
    : isMultipart(route)
      ? fc
          .tuple(
            fc.uint8Array({ maxLength: 2048 }),
            fc.constantFrom('a.xlsx', 'a.pdf', '../../x.xlsx', '数据.xlsx', 'a', 'a.exe'),
            fc.constantFrom('file', 'upload', 'x'),
            fc.constantFrom(
              'application/octet-stream',
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              'text/plain',
            ),
          )
          .chain(([bytes, name, field, type]) =>
            fc.oneof(
              { weight: 4, arbitrary: fc.constant(multipartFile(field, name, Buffer.from(bytes), type)) },
              // a JSON body or nothing where a file is expected
              {
                weight: 1,
                arbitrary: fc.constant({ payload: '{}', headers: { 'content-type': 'application/json' } }),
              },
              {
                weight: 1,
                arbitrary: fc.constant({ payload: '', headers: { 'content-type': 'multipart/form-data' } }),
              },
            ),
          )
      : isForm(route)
        ? fc.oneof(
            {
              weight: 8,
              arbitrary: fc
                .tuple(fuzzValue(body), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }))
                .map(([v, pathLike]) => ({
                  payload: formBody(v, pathLike),
                  headers: { 'content-type': 'application/x-www-form-urlencoded' },
                })),
            },
            // raw text, percent-escapes that decode to nothing valid, another media type
            {
              weight: 2,
              arbitrary: fc
                .tuple(
                  fc.oneof(
                    fc.string({ maxLength: 64 }),
                    fc.constantFrom('back=/%ED%A0%80', 'back=/%FF%FE', 'back=%', '=&=&', 'back=/%0d%0aX:1'),
                  ),
                  fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain'),
                )
                .map(([payload, type]) => ({ payload, headers: { 'content-type': type } })),
            },
          )
        : fc.oneof(
            {
              weight: 8,
              arbitrary: fuzzValue(body).map((v) => ({
                payload: v === undefined ? undefined : JSON.stringify(v),
                headers: v === undefined ? {} : { 'content-type': 'application/json' },
              })),
            },
            {
              weight: 1,
              arbitrary: fc.string({ maxLength: 64 }).map((s) => ({
                payload: s,
                headers: { 'content-type': 'application/json' },
              })),
            },
            {
              weight: 1,
              arbitrary: fc
                .tuple(
                  fc.constantFrom(
                    'text/plain',
                    'application/xml',
                    'application/x-www-form-urlencoded',
                    'multipart/form-data',
                  ),
                  fc.string({ maxLength: 64 }),
                )
                .map(([type, s]) => ({ payload: s, headers: { 'content-type': type } })),
            },
          );
  return arbitrary;
}
