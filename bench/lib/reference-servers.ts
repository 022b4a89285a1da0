// The two reference servers every throughput figure is compared with, started in the same run:
// nginx serving a static file (foreground, temporary config) and a bare node:http server sending
// pre-encoded bytes (its own process, so it gets its own CPU and its memory can be read).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chinesePage } from './chinese-page.ts';

export interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function waitForHttp(url: string, proc: ChildProcess, output: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) throw new Error(`server exited early:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
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

export async function startNginx(port: number, file = chinesePage()): Promise<RunningServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-bench-nginx-'));
  // nginx's workers run as an unprivileged user: they must be able to read the page
  fs.chmodSync(dir, 0o755);
  fs.writeFileSync(path.join(dir, 'page.html'), file, { mode: 0o644 });
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `daemon off;
worker_processes ${os.availableParallelism()};
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
    root ${dir};
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
  const url = `http://127.0.0.1:${port}/page.html`;
  await waitForHttp(url, proc, () => out);
  return { url, pid: proc.pid!, stop: stopper(proc, () => fs.rmSync(dir, { recursive: true, force: true })) };
}

const BARE_NODE = `
const http = require('node:http');
const body = Buffer.from(process.env.BODY_B64, 'base64');
const headers = { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.length) };
http.createServer((req, res) => { res.writeHead(200, headers); res.end(body); })
  .listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
`;

export async function startBareNode(port: number, file = chinesePage()): Promise<RunningServer> {
  let out = '';
  const proc = spawn(process.execPath, ['-e', BARE_NODE], {
    env: { ...process.env, PORT: String(port), BODY_B64: file.toString('base64') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const url = `http://127.0.0.1:${port}/`;
  await waitForHttp(url, proc, () => out);
  return { url, pid: proc.pid!, stop: stopper(proc, () => {}) };
}
