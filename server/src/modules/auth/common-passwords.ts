// The list of common and breached passwords a new password is checked against (hardening item 13,
// decision 079): the 49,233 passwords of @zxcvbn-ts/language-common (MIT; frequency lists compiled from
// published password breaches), read from the package's JSON file. It is loaded on the first password
// change, not at start-up, and dropped again after a quiet spell, so an idle server does not hold it
// (about 5 MB as a Set).
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import { commonPasswordForms } from '@greenvoice/common';

const LIST_FILE = createRequire(import.meta.url).resolve('@zxcvbn-ts/language-common/src/passwords.json');
/** how long the list stays in memory after its last use */
const KEEP_MS = 10 * 60_000;

let list: Promise<Set<string>> | null = null;
let dropTimer: NodeJS.Timeout | null = null;

async function load(): Promise<Set<string>> {
  const words = JSON.parse(await fs.readFile(LIST_FILE, 'utf8')) as unknown;
  if (!Array.isArray(words) || words.length < 10_000)
    throw new Error(`unexpected password list in ${LIST_FILE}`);
  return new Set(words.map((w) => String(w).toLowerCase()));
}

function use(): Promise<Set<string>> {
  if (!list) {
    list = load();
    list.catch(() => (list = null)); // a failed read is retried next time, not cached
  }
  if (dropTimer) clearTimeout(dropTimer);
  dropTimer = setTimeout(dropCommonPasswords, KEEP_MS);
  dropTimer.unref();
  return list;
}

/** True when the password, or a simple variant of it (case, substitutions, decorations), is on the list. */
export async function isCommonPassword(password: string): Promise<boolean> {
  const words = await use();
  return commonPasswordForms(password).some((f) => words.has(f));
}

export async function commonPasswordCount(): Promise<number> {
  return (await use()).size;
}

export const commonPasswordsLoaded = () => list !== null;

/** Frees the list (after KEEP_MS without use; tests call it to see it load again). */
export function dropCommonPasswords(): void {
  list = null;
  if (dropTimer) clearTimeout(dropTimer);
  dropTimer = null;
}
