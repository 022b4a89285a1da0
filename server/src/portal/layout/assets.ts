// The portal's stylesheet and script: read once, served from this server under content-hashed names
// with a year's caching (every asset local — intranets have no CDN).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { compressOnce } from '../../http/compression.ts';
import { repoRoot } from '../../paths.ts';

export interface PortalAssets {
  css: string;
  js: string;
}

export interface AssetFile {
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  type: string;
}

const dir = path.join(repoRoot, 'server/src/portal/assets');

export function loadPortalAssets(): { urls: PortalAssets; files: Map<string, AssetFile> } {
  const files = new Map<string, AssetFile>();
  const add = (file: string, type: string) => {
    const body = fs.readFileSync(path.join(dir, file));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
    const [base, ext] = file.split('.');
    const name = `${base}.${hash}.${ext}`;
    files.set(name, { body, ...compressOnce(body), type });
    return `/portal/assets/${name}`;
  };
  return {
    urls: {
      css: add('portal.css', 'text/css; charset=utf-8'),
      js: add('portal.js', 'text/javascript; charset=utf-8'),
    },
    files,
  };
}
