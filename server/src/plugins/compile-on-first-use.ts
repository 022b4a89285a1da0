// Route validators (Ajv) and response serializers (fast-json-stringify) are generated on the first request
// that needs them, not when the app starts (decision 202): generating them for every route at start held
// ≈ 20 MB of an idle server's memory (their code and the garbage of making it) and a second of its start,
// for routes most processes never serve. The schemas are code, so `compileAllPending` — called by a test —
// still proves every one of them compiles before a release, as the eager start used to.
const pending = new Set<() => unknown>();

/** A getter that runs `make` on its first call and hands back the same result afterwards. */
export function onFirstUse<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  const get = () => {
    if (!made) {
      made = { value: make() };
      pending.delete(get);
    }
    return made.value;
  };
  pending.add(get);
  return get;
}

/** Makes everything not made yet; throws the first compile error. */
export function compileAllPending(): number {
  const all = [...pending];
  for (const get of all) get();
  return all.length;
}
