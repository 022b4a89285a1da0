// Turn-taking under wrk: the subject and its reference take turns, round after round, and each reports
// its median round — a neighbour's burst of work on a shared machine then hits both alike.
import { runWrk, type WrkOptions, type WrkResult } from './wrk.ts';

/** Loads each address in turn, `rounds` times (after one short warm-up each); the runs per address. */
export async function takeTurns(urls: string[], opts: WrkOptions, rounds: number): Promise<WrkResult[][]> {
  for (const url of urls) await runWrk(url, { ...opts, durationSec: 1 });
  const runs: WrkResult[][] = urls.map(() => []);
  for (let i = 0; i < rounds; i++)
    for (const [n, url] of urls.entries()) runs[n]!.push(await runWrk(url, opts));
  return runs;
}

/** The round with the median throughput (its latencies go with it). */
export function medianRound(runs: WrkResult[]): WrkResult {
  return [...runs].sort((a, b) => a.requestsPerSec - b.requestsPerSec)[Math.floor(runs.length / 2)]!;
}

/** Every round's throughput and p99, and any errors, for the table's note. */
export function roundsNote(runs: WrkResult[]): string | undefined {
  const errors = runs.reduce((s, r) => s + r.errors, 0);
  const spread =
    runs.length > 1
      ? `rounds ${runs.map((r) => `${Math.round(r.requestsPerSec)}`).join(' / ')} req/s, p99 ${runs
          .map((r) => r.p99Ms.toFixed(0))
          .join(' / ')} ms`
      : '';
  return [spread, errors ? `${errors} errors` : ''].filter(Boolean).join('; ') || undefined;
}
