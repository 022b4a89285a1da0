// The two reference servers every throughput figure is compared with, started in the same run:
// nginx serving a static file (foreground, temporary config) and a bare node:http server sending
// pre-encoded bytes (its own process, so it gets its own CPU and its memory can be read).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chinesePage } from './chinese-page.ts';

export interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Whether a GET of the address (with that Host header, if any) answers 2xx. */
const answers = (url: string, host?: string) =>
  new Promise<boolean>((resolve) => {
    http
      .get(url, host ? { headers: { host } } : {}, (res) => {
        res.resume();
        resolve((res.statusCode ?? 0) < 300);
      })
      .on('error', () => resolve(false));
  });

async function waitForHttp(
  url: string,
  proc: ChildProcess,
  output: () => string,
  host?: string,
): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    if (await answers(url, host)) return; // else not listening yet
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing answered at ${url}:\n${output()}`);
}

function stopper(proc: ChildProcess, cleanup: () => void) {
  return async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    }
    cleanup();
  };
}

/** nginx serving one file as /page.html. */
export async function startNginx(
  port: number,
  file = chinesePage(),
  options: { workers?: number } = {},
): Promise<RunningServer> {
  return startNginxPages(port, [{ path: '/page.html', headers: {}, body: file }], options);
}

/**
 * nginx serving each page's bytes as a static file at its address — under its host name when it has one
 * (`root …/$host`: the Host header picks the directory, as it picks GreenVoice's site). The url returned
 * is the first page's.
 */
export async function startNginxPages(
  port: number,
  pages: BarePage[],
  options: { workers?: number } = {},
): Promise<RunningServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-bench-nginx-'));
  // nginx's workers run as an unprivileged user: they must be able to read the pages
  fs.chmodSync(dir, 0o755);
  const byHost = pages.some((p) => p.host);
  for (const p of pages) {
    const file = path.join(dir, byHost ? 'sites' : '', p.host ?? '', p.path);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o755 });
    fs.writeFileSync(file, p.body, { mode: 0o644 });
  }
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `daemon off;
worker_processes ${options.workers ?? os.availableParallelism()};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${byHost ? `${dir}/sites/$host` : dir};
    location / { default_type 'text/html; charset=utf-8'; }
  }
}
`,
  );
  let out = '';
  const proc = spawn('nginx', ['-c', conf, '-p', dir, '-e', `${dir}/error.log`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  await new Promise<void>((resolve, reject) => {
    proc.once('spawn', () => resolve());
    proc.once('error', (err) =>
      reject(new Error(`nginx is not installed (apt-get install -y nginx): ${err.message}`)),
    );
  });
  const url = `http://127.0.0.1:${port}${pages[0]!.path}`;
  await waitForHttp(url, proc, () => out, pages[0]!.host);
  return { url, pid: proc.pid!, stop: stopper(proc, () => fs.rmSync(dir, { recursive: true, force: true })) };
}

// Sends each address's bytes exactly as given: status line, headers and body, nothing else done per
// request beyond one Map lookup (the runtime's ceiling for a page whose bytes are ready). Pages with a
// host name are looked up by the Host header (less any port) and the address, as a site is chosen.
const BARE_NODE = `
const http = require('node:http');
const fs = require('node:fs');
const list = JSON.parse(fs.readFileSync(process.env.PAGES_FILE, 'utf8'));
const byHost = list.some((p) => p.host);
const pages = new Map(list.map((p) => [(p.host ?? '') + p.path,
  { status: p.status, headers: p.headers, body: Buffer.from(p.body, 'base64') }]));
http.createServer((req, res) => {
  const p = pages.get(byHost ? (req.headers.host ?? '').replace(/:\\d+$/, '') + req.url : req.url);
  if (!p) return res.writeHead(404, { 'content-length': '0' }).end();
  res.writeHead(p.status, p.headers);
  res.end(p.body);
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
`;

export interface BarePage {
  /** the Host header it answers to (none: any) */
  host?: string;
  path: string;
  status?: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** A bare node:http server answering each page's address with exactly its headers and bytes. */
export async function startBareNodePages(port: number, pages: BarePage[]): Promise<RunningServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-bench-bare-'));
  const file = path.join(dir, 'pages.json');
  fs.writeFileSync(
    file,
    JSON.stringify(pages.map((p) => ({ ...p, status: p.status ?? 200, body: p.body.toString('base64') }))),
  );
  let out = '';
  const proc = spawn(process.execPath, ['-e', BARE_NODE], {
    env: { ...process.env, PORT: String(port), PAGES_FILE: file },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  const first = `http://127.0.0.1:${port}${pages[0]!.path}`;
  try {
    await waitForHttp(first, proc, () => out, pages[0]!.host);
  } catch (err) {
    await stopper(proc, cleanup)();
    throw err;
  }
  return { url: first, pid: proc.pid!, stop: stopper(proc, cleanup) };
}

/** The reference page's bytes from a bare node:http server, with only the two headers a file needs. */
export async function startBareNode(port: number, file = chinesePage()): Promise<RunningServer> {
  return startBareNodePages(port, [
    {
      path: '/',
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-length': String(file.length) },
      body: file,
    },
  ]);
}
