// Runs GreenVoice as a real child process (server/src/server.ts under tsx's loader, or the built
// server/dist/server.js under plain node; one process so a SIGKILL kills the server itself), for the
// several-app-servers test, the crash test and the build test.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ChildServer {
  proc: ChildProcess;
  port: number;
  url: string;
  /** everything it printed, for a failing test's message */
  output(): string;
  /** SIGTERM and wait for the exit (graceful shutdown) */
  stop(): Promise<void>;
  /** SIGKILL and wait for the exit (a crash) */
  kill(): Promise<void>;
}

export async function startChildServer(
  env: Record<string, string>,
  timeoutMs = 60_000,
  from: 'source' | 'build' = 'source',
): Promise<ChildServer> {
  const args =
    from === 'build'
      ? [path.join(repoRoot, 'server/dist/server.js')]
      : ['--import', 'tsx', path.join(repoRoot, 'server/src/server.ts')];
  const proc = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL'); // never leave a half-started server behind
      reject(new Error(`server did not start in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/门户 Portal:\s+http:\/\/localhost:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${out}`));
    });
  });
  const end = async (signal: NodeJS.Signals) => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    await exited;
  };
  return {
    proc,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}

/** A port free at this moment: for servers that must keep their port across restarts (not PORT=0). */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
