// The external-link checker of the self-inspection (decision 188): polite and SSRF-safe.
// - polite: at most `perHost` requests at a time to one host (1–2) and `delayMs` between them, a
//   bounded total concurrency, HEAD first and GET only when HEAD is refused, a timeout on every request,
//   a User-Agent naming the bureau, and results reused for a day (the caller's cache);
// - SSRF-safe: every host of every hop is resolved first and refused when any of its addresses is
//   private, loopback, link-local, unique-local, multicast or unspecified; the request then goes to the
//   address that was vetted (no second lookup to rebind); redirects are followed by hand, each hop checked
//   again, at most `maxRedirects`, a loop is reported;
// - bounded: a body is never read (GET is closed once its status line is in), so a 10 GB file costs
//   nothing; a slow host costs at most its timeout.
// What could not be checked (network closed, timeout, refused address, DNS failure) is "unchecked" with
// the reason, never "broken": only an HTTP answer of 400 or more, or a redirect loop, is broken.
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

export type LinkOutcome = 'ok' | 'broken' | 'unchecked';
export interface LinkResult {
  url: string;
  outcome: LinkOutcome;
  status: number | null;
  detail: string | null;
}

export interface LinkCheckOptions {
  userAgent: string;
  timeoutMs: number;
  perHost: number;
  delayMs: number;
  maxRedirects: number;
  concurrency: number;
  /** tests only: private addresses that may be asked all the same (a receiver on this machine) */
  allowAddresses: string[];
  lookup?: (host: string) => Promise<string[]>;
}

export const LINK_CHECK_DEFAULTS: Omit<LinkCheckOptions, 'userAgent'> = {
  timeoutMs: 8000,
  perHost: 1,
  delayMs: 1000,
  maxRedirects: 5,
  concurrency: 4,
  allowAddresses: [],
};

/** the checker's User-Agent: who asks and where to find them (HTTP headers are ASCII: the name is encoded) */
export const linkCheckerAgent = (bureau: string, siteUrl: string) =>
  `GreenVoice-LinkCheck/1.0 (+${siteUrl}; ${encodeURIComponent(bureau)})`;

const privateRanges = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  privateRanges.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127], // :: and ::1
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  privateRanges.addSubnet(net, bits, 'ipv6');

/** is this address one the checker must never ask? (IPv4-mapped IPv6 is judged as its IPv4) */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return privateRanges.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (!family) return true;
  return privateRanges.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const unchecked = (url: string, detail: string): LinkResult => ({
  url,
  outcome: 'unchecked',
  status: null,
  detail,
});

async function vetted(host: string, o: LinkCheckOptions): Promise<{ address: string } | { refused: string }> {
  const bare = host.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(bare)
      ? [bare]
      : await (o.lookup ?? (async (h) => (await dnsLookup(h, { all: true })).map((a) => a.address)))(bare);
  } catch (err) {
    return { refused: `DNS: ${(err as NodeJS.ErrnoException).code ?? 'lookup failed'}` };
  }
  if (!addresses.length) return { refused: 'DNS: no address' };
  if (addresses.some((a) => isPrivateAddress(a) && !o.allowAddresses.includes(a)))
    return { refused: `refused: ${host} resolves to a private address` };
  return { address: addresses[0]! };
}

/** one request to the vetted address; the body is never read */
function ask(url: URL, address: string, method: 'HEAD' | 'GET', o: LinkCheckOptions) {
  return new Promise<{ status: number; location: string | null }>((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(
      url,
      {
        method,
        headers: { 'user-agent': o.userAgent, accept: '*/*' },
        // connect to the address that was checked, whatever DNS answers now (no rebinding)
        lookup: (_h, opts, cb) =>
          (opts as { all?: boolean }).all
            ? (cb as (e: null, a: { address: string; family: number }[]) => void)(null, [
                { address, family: isIP(address) },
              ])
            : cb(null, address, isIP(address)),
        timeout: o.timeoutMs,
      },
      (res) => {
        resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null });
        res.destroy();
        req.destroy();
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${o.timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

async function checkOne(raw: string, o: LinkCheckOptions, pace: (host: string) => Promise<() => void>) {
  const seen = new Set<string>();
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return unchecked(raw, 'not an address');
  }
  for (let hop = 0; hop <= o.maxRedirects; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return unchecked(raw, `scheme ${url.protocol}`);
    if (seen.has(url.href))
      return { url: raw, outcome: 'broken' as const, status: null, detail: `redirect loop at ${url.href}` };
    seen.add(url.href);
    const v = await vetted(url.hostname, o);
    if ('refused' in v) return unchecked(raw, v.refused);
    const release = await pace(url.host);
    let answer: { status: number; location: string | null };
    try {
      answer = await ask(url, v.address, 'HEAD', o);
      // some servers refuse HEAD: ask again the way a browser does
      if (answer.status === 405 || answer.status === 501 || answer.status === 403)
        answer = await ask(url, v.address, 'GET', o);
    } catch (err) {
      return unchecked(raw, err instanceof Error ? err.message : String(err));
    } finally {
      release();
    }
    if (answer.status >= 300 && answer.status < 400 && answer.location) {
      url = new URL(answer.location, url);
      continue;
    }
    return answer.status >= 200 && answer.status < 400
      ? { url: raw, outcome: 'ok' as const, status: answer.status, detail: null }
      : { url: raw, outcome: 'broken' as const, status: answer.status, detail: `HTTP ${answer.status}` };
  }
  return {
    url: raw,
    outcome: 'broken' as const,
    status: null,
    detail: `more than ${o.maxRedirects} redirects`,
  };
}

/** Checks `urls` (deduplicated) politely; every address gets an answer, none throws. */
export async function checkLinks(urls: string[], o: LinkCheckOptions): Promise<LinkResult[]> {
  // per host: at most perHost at once, and delayMs after each request before the next one starts
  const hosts = new Map<string, { active: number; waiting: Array<() => void> }>();
  const pace = async (host: string) => {
    const h = hosts.get(host) ?? { active: 0, waiting: [] };
    hosts.set(host, h);
    if (h.active >= o.perHost) await new Promise<void>((r) => h.waiting.push(r));
    h.active++;
    return () => {
      setTimeout(() => {
        h.active--;
        h.waiting.shift()?.();
      }, o.delayMs);
    };
  };
  const queue = [...new Set(urls)];
  const results: LinkResult[] = [];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift())
      results.push(await checkOne(next, o, pace).catch((e: unknown) => unchecked(next!, String(e))));
  };
  await Promise.all(Array.from({ length: Math.max(1, o.concurrency) }, worker));
  return results;
}
