// The repository's root, for files read at run time (the portal's assets, the built console). This file
// sits two folders below the root, as does every bundle in server/dist (decision 088), so the same
// `../..` holds whether the server runs from source (tsx, tests) or from the build.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
