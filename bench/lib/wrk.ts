// Load with wrk (Debian's package: autocannon cannot push fast servers on 2 cores) and parse its
// report: requests a second and the latency distribution.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface WrkResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
}

export interface WrkOptions {
  durationSec: number;
  connections: number;
  threads?: number;
  /**
   * Requests to send in turn instead of the url's own path, each with its Host header (a site, decision
   * 175): wrk's Lua script formats them once and each connection walks the list.
   */
  requests?: Array<{ host?: string; path: string }>;
}

/** The Lua script for `requests`: every request's bytes made in init(), then handed out in turn. */
function requestScript(requests: NonNullable<WrkOptions['requests']>): string {
  const lua = (s: string) => JSON.stringify(s); // a JSON string of ASCII is a Lua string
  const list = requests
    .map((r) => `wrk.format("GET", ${lua(r.path)}${r.host ? `, { Host = ${lua(r.host)} }` : ''})`)
    .join(',\n  ');
  return `local requests = {}
local n = 0
function init(args)
  requests = {
  ${list}
  }
  n = math.random(#requests) - 1
end
function request()
  n = n % #requests + 1
  return requests[n]
end
`;
}

function toMs(value: string, unit: string): number {
  const n = Number(value);
  return unit === 'us' ? n / 1000 : unit === 's' ? n * 1000 : unit === 'm' ? n * 60_000 : n;
}

export function parseWrk(out: string): WrkResult {
  const rps = out.match(/Requests\/sec:\s+([\d.]+)/);
  const lat = (p: string) => {
    const m = out.match(new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm'));
    return m ? toMs(m[1]!, m[2]!) : NaN;
  };
  const total = out.match(/(\d+) requests in/);
  const non2xx = out.match(/Non-2xx or 3xx responses:\s+(\d+)/);
  const socket = out.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  if (!rps) throw new Error(`cannot read wrk's output:\n${out}`);
  return {
    requestsPerSec: Number(rps[1]),
    p50Ms: lat('50'),
    p99Ms: lat('99'),
    requests: Number(total?.[1] ?? 0),
    errors: Number(non2xx?.[1] ?? 0) + (socket ? socket.slice(1).reduce((s, v) => s + Number(v), 0) : 0),
  };
}

export async function runWrk(url: string, opts: WrkOptions): Promise<WrkResult> {
  const script = opts.requests?.length
    ? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gv-bench-wrk-')), 'requests.lua')
    : null;
  if (script) fs.writeFileSync(script, requestScript(opts.requests!));
  const args = [
    `-t${opts.threads ?? 2}`,
    `-c${opts.connections}`,
    `-d${opts.durationSec}s`,
    '--latency',
    ...(script ? ['-s', script] : []),
    url,
  ];
  try {
    return parseWrk(await wrk(args));
  } finally {
    if (script) fs.rmSync(path.dirname(script), { recursive: true, force: true });
  }
}

async function wrk(args: string[]): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const p = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    p.stdout.on('data', (c: Buffer) => (text += c.toString()));
    p.stderr.on('data', (c: Buffer) => (text += c.toString()));
    p.on('error', (err) =>
      reject(new Error(`wrk is not installed (apt-get install -y wrk): ${err.message}`)),
    );
    p.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}:\n${text}`))));
  });
}
