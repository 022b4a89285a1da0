// Reads kept in this process until the data behind them changes: the caller empties them when the
// change feed reports their topic (app.ts, for a change made here or on another server). A read is kept
// as its promise, so requests arriving while it runs share it; a failed read is not kept, and the
// number kept is bounded, since a visitor chooses the keys (periods, stations).
export function createKeptReads(limit = 64) {
  const kept = new Map<string, Promise<unknown>>();
  return {
    get<T>(key: string, read: () => Promise<T>): Promise<T> {
      const found = kept.get(key) as Promise<T> | undefined;
      if (found) return found;
      // oldest first: a Map iterates in insertion order
      if (kept.size >= limit) kept.delete(kept.keys().next().value!);
      const value = read();
      value.catch(() => kept.get(key) === value && kept.delete(key));
      kept.set(key, value);
      return value;
    },
    clear() {
      kept.clear();
    },
  };
}
export type KeptReads = ReturnType<typeof createKeptReads>;
