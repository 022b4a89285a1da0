// Chinese word segmentation for the portal's full-text search (jieba, its binary shipped in the npm
// package). Text is indexed in search mode, which also yields the sub-words (常德 inside 常德市), and
// queries are cut the same engine's precise way, so a two-character word such as 环保 is found.
import type { Jieba } from '@node-rs/jieba';
import { jieba as jiebaPackage, jiebaDict } from '../../lazy-packages.ts';

let jieba: Jieba | null = null;
const engine = () => (jieba ??= jiebaPackage().Jieba.withDict(jiebaDict()));

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
/** Longest text segmented for the index: a body beyond it is not searchable past this point. */
const MAX_INDEXED_CHARS = 200_000;
export const MAX_QUERY_CHARS = 100;
const MAX_QUERY_TERMS = 12;

function clean(words: string[]): string[] {
  return words.map((w) => w.trim().toLowerCase()).filter((w) => w.length > 0 && HAS_WORD_CHAR.test(w));
}

/** Space-separated words for the index (FTS5 unicode61 / PostgreSQL simple split on the spaces). */
export function segmentForIndex(text: string): string {
  return clean(engine().cutForSearch(text.slice(0, MAX_INDEXED_CHARS), true)).join(' ');
}

/** The distinct words of a search query, at most a dozen; empty if it holds no letters or digits. */
export function queryTerms(query: string): string[] {
  const words = clean(engine().cut(query.slice(0, MAX_QUERY_CHARS), true));
  return [...new Set(words)].slice(0, MAX_QUERY_TERMS);
}
