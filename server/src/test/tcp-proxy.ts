// A real TCP proxy in front of PostgreSQL, for tests that make the database unreachable mid-run:
// stop() closes the listening socket and cuts every connection (what a network drop or a stopped
// database looks like to the app: reset connections, then refused ones); start() listens again on the
// same port.
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** connections forwarded so far */
  connections(): number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }, port = 0): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let count = 0;
  let server: net.Server | null = null;
  let boundPort = port;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        count++;
        const upstream = net.connect(target.port, target.host);
        open.add(client);
        open.add(upstream);
        const cut = () => {
          client.destroy();
          upstream.destroy();
          open.delete(client);
          open.delete(upstream);
        };
        client.on('error', cut).on('close', cut);
        upstream.on('error', cut).on('close', cut);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      s.once('error', reject);
      s.listen(boundPort, '127.0.0.1', () => {
        boundPort = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });

  await listen();
  return {
    get port() {
      return boundPort;
    },
    connections: () => count,
    async stop() {
      const s = server;
      server = null;
      for (const socket of open) socket.destroy();
      open.clear();
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    start: () => (server ? Promise.resolve() : listen()),
  };
}
