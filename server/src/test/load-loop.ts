// A small load loop for the rolling-restart tests: a few clients send GETs back to back over keep-alive
// connections (Node's fetch) and every answer is counted, so a restart that drops one request shows.
export interface LoadCounts {
  ok: number;
  /** one line per request that did not end in a 200: status or connection error, and the address */
  failed: string[];
}

export function startLoad(urls: string[], clients = 6, headers: Record<string, string> = {}) {
  const counts: LoadCounts = { ok: 0, failed: [] };
  let running = true;
  const loops = Array.from({ length: clients }, async (_, c) => {
    for (let i = c; running; i++) {
      const url = urls[i % urls.length]!;
      try {
        const res = await fetch(url, { headers });
        await res.arrayBuffer();
        if (res.status === 200) counts.ok++;
        else counts.failed.push(`${res.status} ${url}`);
      } catch (err) {
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        counts.failed.push(`${cause?.code ?? cause?.message ?? String(err)} ${url}`);
      }
    }
  });
  return {
    counts,
    /** resolves once `n` more answers have come back (the load is really running) */
    async answered(n: number) {
      const target = counts.ok + counts.failed.length + n;
      while (running && counts.ok + counts.failed.length < target)
        await new Promise((r) => setTimeout(r, 10));
    },
    async stop() {
      running = false;
      await Promise.all(loops);
      return counts;
    },
  };
}
