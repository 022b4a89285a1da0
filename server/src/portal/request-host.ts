// The host a portal request names, which picks its site (decision 175). X-Forwarded-Host counts only
// from a proxy TRUST_PROXY trusts — anyone else could send one to see another city's site under this
// name — and, as Fastify reads it, its last entry (the one the nearest proxy wrote). One function for
// the Fastify routes and the raw fast lane, so both pick the same site.
import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

export type RequestHost = (req: IncomingMessage) => string | undefined;

export function createRequestHost(trustProxy: string[] | false): RequestHost {
  const trust = trustProxy ? proxyAddr.compile(trustProxy) : null;
  return (req) => {
    const forwarded = req.headers['x-forwarded-host'];
    const addr = req.socket?.remoteAddress;
    if (forwarded && trust && addr !== undefined && trust(addr, 0)) {
      const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded).split(',').pop();
      return last?.trim();
    }
    return req.headers.host;
  };
}
