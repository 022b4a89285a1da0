// A graceful stop that loses no request (decision 178): the process stops taking new connections,
// answers what still arrives on the connections it has with `Connection: close` (the client opens its
// next connection to another process or app server), and waits until those have gone or the grace
// time is over; only then does the app close. Used for a rolling restart and for every SIGTERM.
import type { Server, ServerResponse } from 'node:http';
import net from 'node:net';

export function createDrain() {
  let draining = false;
  return {
    /** Called for every response before anything is written. */
    mark(res: ServerResponse) {
      if (draining) res.setHeader('connection', 'close');
    },
    async run(server: Server, graceMs: number) {
      draining = true;
      // net.Server's close, not http.Server's: that one also cuts the idle keep-alive connections at
      // once, and a client sending on one at that instant sees a reset instead of an answer. In a
      // cluster worker this also tells the primary to hand new connections to the other workers.
      if (server.listening) net.Server.prototype.close.call(server);
      const until = Date.now() + graceMs;
      while (Date.now() < until && (await openConnections(server)) > 0)
        await new Promise((r) => setTimeout(r, 25));
    },
  };
}

const openConnections = (server: Server) =>
  new Promise<number>((resolve) => server.getConnections((err, n) => resolve(err ? 0 : n)));
