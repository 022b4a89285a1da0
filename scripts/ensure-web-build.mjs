#!/usr/bin/env node
// Builds the console (web/dist) when its sources changed since the last build, so that `npm start`
// and `npm test` never need a separate build step. The fingerprint covers web/, common/ and the lock file.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const stamp = path.join(root, 'web/dist/.build-fingerprint');

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else yield p;
  }
}

const hash = createHash('sha256');
for (const base of ['web', 'common/src']) {
  for (const f of [...files(path.join(root, base))].sort()) {
    hash.update(path.relative(root, f));
    hash.update(fs.readFileSync(f));
  }
}
hash.update(
  fs.existsSync(path.join(root, 'package-lock.json'))
    ? fs.readFileSync(path.join(root, 'package-lock.json'))
    : '',
);
const fingerprint = hash.digest('hex');

if (
  fs.existsSync(stamp) &&
  fs.readFileSync(stamp, 'utf8') === fingerprint &&
  fs.existsSync(path.join(root, 'web/dist/index.html'))
) {
  process.exit(0);
}
console.log('构建工作台 Building the console (web/dist)…');
const res = spawnSync('npm', ['run', 'build', '--workspace', 'web'], { cwd: root, stdio: 'inherit' });
if (res.status !== 0) process.exit(res.status ?? 1);
fs.writeFileSync(stamp, fingerprint);
