// Compression for every text response (decision 103): the client's Accept-Encoding picks brotli or
// gzip (q-values honoured, q=0 refuses), identity otherwise. The portal's byte cache compresses each
// page once when it is stored (page-cache.ts); everything else — uncached pages, the API's JSON, the
// open-data CSV and JSON (streamed downloads included), feeds, robots.txt — is compressed here on the
// way out, in an onSend hook that runs after every other.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';

export type Encoding = 'br' | 'gzip';

const memo = new Map<string, Encoding | null>();

function parse(header: string): Encoding | null {
  let br = -1;
  let gzip = -1;
  let star = -1;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) q = Number(m[1]);
    }
    if (!Number.isFinite(q)) q = 0;
    if (name === 'br') br = q;
    else if (name === 'gzip' || name === 'x-gzip') gzip = q;
    else if (name === '*') star = q;
  }
  if (br < 0) br = star > 0 ? star : -1;
  if (gzip < 0) gzip = star > 0 ? star : -1;
  if (br <= 0 && gzip <= 0) return null;
  // on a tie brotli wins: smaller, and every browser that sends it decodes it
  return br >= gzip ? 'br' : 'gzip';
}

/** The coding to answer with for this Accept-Encoding header; null: send the bytes as they are. */
export function negotiateEncoding(header: string | string[] | undefined): Encoding | null {
  if (typeof header !== 'string' || header === '') return null;
  const hit = memo.get(header);
  if (hit !== undefined) return hit;
  const e = parse(header.slice(0, 200));
  // browsers send a handful of distinct headers; a client sending endless new ones is not remembered
  if (memo.size < 200) memo.set(header, e);
  return e;
}

/** Compression a byte-cache entry is stored with: done once per change, so the smallest. */
export function compressOnce(body: Buffer): { gzip: Buffer; br: Buffer } {
  return {
    gzip: zlib.gzipSync(body, { level: 9 }),
    br: zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      },
    }),
  };
}

/** Compression per response: fast settings, the work is paid on every request. */
export function compressFor(body: Buffer, e: Encoding): Buffer {
  return e === 'br'
    ? zlib.brotliCompressSync(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : zlib.gzipSync(body, { level: 6 });
}

const streamFor = (e: Encoding) =>
  e === 'br'
    ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })
    : zlib.createGzip({ level: 6 });

const TEXT = /^(text\/|application\/(json|xml|javascript|rss\+xml|atom\+xml|problem\+json)|image\/svg\+xml)/i;
/** below this a compressed body is hardly smaller, and the coding costs more than it saves */
export const MIN_COMPRESS_BYTES = 1024;

export function isCompressible(contentType: unknown): boolean {
  return typeof contentType === 'string' && TEXT.test(contentType);
}

/** Adds Accept-Encoding to the Vary header the reply already has. */
export function varyOnEncoding(current: unknown): string {
  const v = typeof current === 'string' ? current : Array.isArray(current) ? current.join(', ') : '';
  if (/(^|,)\s*accept-encoding\s*(,|$)/i.test(v)) return v;
  return v ? `${v}, Accept-Encoding` : 'Accept-Encoding';
}

export function registerCompression(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.method === 'HEAD' || reply.statusCode === 204 || reply.statusCode === 304) return payload;
    if (payload === null || payload === undefined) return payload;
    if (reply.getHeader('content-encoding')) return payload;
    if (!isCompressible(reply.getHeader('content-type'))) return payload;
    const e = negotiateEncoding(req.headers['accept-encoding']);
    // the answer depends on Accept-Encoding whether or not this client gets it compressed
    if (e === null) {
      reply.header('vary', varyOnEncoding(reply.getHeader('vary')));
      return payload;
    }
    if (payload instanceof Readable) {
      reply.header('vary', varyOnEncoding(reply.getHeader('vary')));
      reply.header('content-encoding', e);
      reply.removeHeader('content-length');
      return payload.pipe(streamFor(e));
    }
    const body =
      typeof payload === 'string' ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : null;
    if (!body || body.length < MIN_COMPRESS_BYTES) return payload;
    const out = compressFor(body, e);
    reply.header('vary', varyOnEncoding(reply.getHeader('vary')));
    reply.header('content-encoding', e);
    reply.header('content-length', String(out.length));
    // A strong validator names one representation: each coding gets its own (the open-data route
    // matches If-None-Match on the part before the suffix), and the representation digest is of the
    // coded bytes (RFC 9530); X-Checksum-SHA256 stays that of the decoded file a user saves.
    const etag = reply.getHeader('etag');
    if (typeof etag === 'string' && etag.startsWith('"')) reply.header('etag', `${etag.slice(0, -1)}-${e}"`);
    if (reply.getHeader('repr-digest'))
      reply.header('repr-digest', `sha-256=:${createHash('sha256').update(out).digest('base64')}:`);
    return out;
  });
}
