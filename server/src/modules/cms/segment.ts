// Chinese word segmentation for the portal's full-text search (jieba, its binary shipped in the npm
// package). Text is indexed in search mode, which also yields the sub-words (常德 inside 常德市), plus
// every Chinese character once, so a one-character query finds exactly the texts holding it. Queries
// are cut the precise way and each longer word is reduced to its dictionary parts, so 环保督察 and
// 环保 督察 ask the same (decision 110).
import type { Jieba } from '@node-rs/jieba';
import { jieba as jiebaPackage, jiebaDict } from '../../lazy-packages.ts';

let jieba: Jieba | null = null;
const engine = () => (jieba ??= jiebaPackage().Jieba.withDict(jiebaDict()));

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;
/** Longest text segmented for the index: a body beyond it is not searchable past this point. */
const MAX_INDEXED_CHARS = 200_000;
export const MAX_QUERY_CHARS = 100;
const MAX_QUERY_TERMS = 12;

function clean(words: string[]): string[] {
  return words.map((w) => w.trim().toLowerCase()).filter((w) => w.length > 0 && HAS_WORD_CHAR.test(w));
}

/**
 * Space-separated words for the index (FTS5 unicode61 / PostgreSQL simple split on the spaces): the
 * search-mode words, then each Chinese character not already a word of its own.
 */
export function segmentForIndex(text: string): string {
  const cut = text.slice(0, MAX_INDEXED_CHARS);
  const words = clean(engine().cutForSearch(cut, true));
  const seen = new Set(words);
  const singles = [...new Set(cut.match(HAN_ALL) ?? [])].filter((c) => !seen.has(c));
  return [...words, ...singles].join(' ');
}

/** The distinct words of a search query, at most a dozen; empty if it holds no letters or digits. */
export function queryTerms(query: string): string[] {
  const words = clean(engine().cut(query.slice(0, MAX_QUERY_CHARS), true));
  const terms: string[] = [];
  for (const w of words) {
    // a long Chinese word is asked for by its parts: the text may have been cut around it differently
    const parts =
      w.length > 2 && HAN.test(w) ? clean(engine().cutForSearch(w, true)).filter((p) => p !== w) : [];
    const subs = parts.filter((p) => !parts.some((q) => q !== p && q.length > p.length && q.includes(p)));
    terms.push(...(subs.length ? subs : [w]));
  }
  return [...new Set(terms)].slice(0, MAX_QUERY_TERMS);
}
