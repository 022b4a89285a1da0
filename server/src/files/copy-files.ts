// Copies every stored file from one storage to another under the same keys and verifies it (npm run
// files:migrate, decision 185): each file is streamed across with put's atomicity, then read back from
// the target and its SHA-256 compared with the source's and with what its row recorded. A file already
// in the target with the source's checksum is left alone, so an interrupted run is resumed by running it
// again. The source is never changed.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DB } from '../db/database.ts';
import { referencedFiles } from './file-references.repo.ts';
import type { FileStore } from './file-store.ts';
import type { FileStorage, StoreName } from './file-stores.ts';

/** Far enough ahead that every stored file is older (keysOlderThan lists them all). */
export const EVERY_FILE = Date.UTC(9999, 0, 1);

export interface StoreCopyReport {
  store: StoreName;
  /** files in the source */
  files: number;
  copied: number;
  /** already in the target with the same SHA-256 (a resumed run) */
  alreadyThere: number;
  bytes: number;
  /** rows naming a file of this store, each checked against the target */
  referenced: number;
  verified: number;
}

export interface CopyReport {
  stores: StoreCopyReport[];
  problems: string[];
}

/** The SHA-256 and size of a stored file, read as a stream; null if there is no such file. */
export async function digest(stream: Readable | null): Promise<{ sha256: string; size: number } | null> {
  if (!stream) return null;
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Every row naming a file of this store, checked against `store`: present, and with the SHA-256 the row
 * recorded. `known` holds checksums already read (a copy just verified), so no file is read twice.
 */
export async function checkReferences(
  db: DB,
  name: StoreName,
  store: FileStore,
  known: Map<string, string>,
  problems: string[],
): Promise<{ referenced: number; verified: number }> {
  let referenced = 0;
  let verified = 0;
  for (const ref of await referencedFiles(db, name)) {
    referenced += 1;
    const sum = known.get(ref.key) ?? (await digest(await store.open(ref.key)))?.sha256;
    if (sum) known.set(ref.key, sum);
    if (!sum) problems.push(`${name}/${ref.key} (${ref.table}): not in the store`);
    else if (ref.sha256 && ref.sha256 !== sum)
      problems.push(`${name}/${ref.key} (${ref.table}): SHA-256 ${sum}, the row recorded ${ref.sha256}`);
    else verified += 1;
  }
  return { referenced, verified };
}

/** Every file the database names, checked in the storage (after a restore). */
export async function checkStoredFiles(db: DB, storage: FileStorage) {
  const problems: string[] = [];
  let verified = 0;
  for (const { name, store } of storage.all)
    verified += (await checkReferences(db, name, store, new Map(), problems)).verified;
  return { verified, problems };
}

async function copyStore(
  db: DB,
  name: StoreName,
  from: FileStore,
  to: FileStore,
  problems: string[],
): Promise<StoreCopyReport> {
  const report: StoreCopyReport = {
    store: name,
    files: 0,
    copied: 0,
    alreadyThere: 0,
    bytes: 0,
    referenced: 0,
    verified: 0,
  };
  const sums = new Map<string, string>();
  for (const key of await from.keysOlderThan(EVERY_FILE)) {
    report.files += 1;
    const there = await digest(await to.open(key));
    const source = await from.open(key);
    if (!source) continue; // removed meanwhile (the server runs): nothing names it any more
    if (there) {
      const here = (await digest(source))!;
      if (here.sha256 === there.sha256) {
        report.alreadyThere += 1;
        sums.set(key, here.sha256);
        continue;
      }
    }
    const stored = await to.putAs(key, there ? (await from.open(key))! : source);
    const back = await digest(await to.open(key));
    if (back?.sha256 !== stored.sha256 || back.size !== stored.size) {
      problems.push(`${name}/${key}: read back from the target with SHA-256 ${back?.sha256 ?? 'none'}`);
      continue;
    }
    sums.set(key, stored.sha256);
    report.copied += 1;
    report.bytes += stored.size;
  }
  const checked = await checkReferences(db, name, to, sums, problems);
  report.referenced = checked.referenced;
  report.verified = checked.verified;
  return report;
}

export async function copyFiles(
  db: DB,
  from: FileStorage,
  to: FileStorage,
  onStore?: (r: StoreCopyReport) => void,
): Promise<CopyReport> {
  const problems: string[] = [];
  const stores: StoreCopyReport[] = [];
  for (const { name, store } of from.all) {
    const target = to.all.find((s) => s.name === name)!.store;
    const r = await copyStore(db, name, store, target, problems);
    stores.push(r);
    onStore?.(r);
  }
  return { stores, problems };
}
