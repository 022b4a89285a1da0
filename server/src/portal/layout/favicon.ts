// The site's icon, drawn here rather than shipped as a binary: a green rounded square with a white
// leaf, as SVG (linked from every page) and as a 32 × 32 PNG inside /favicon.ico, which browsers and
// crawlers ask for whatever the page says. Built once, on first use.
import zlib from 'node:zlib';

const GREEN = [0x1a, 0x6b, 0x3c] as const;
const SIZE = 32;

export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1a6b3c"/><path d="M8 24c0-9 6-15 17-16-1 10-6 16-15 16z" fill="#fff"/><path d="M9 23l10-10" stroke="#1a6b3c" stroke-width="1.6" fill="none"/></svg>`;

/** Is (x, y) on the white leaf: the region between two arcs, like the SVG path. */
function onLeaf(x: number, y: number): boolean {
  const cx = x + 0.5;
  const cy = y + 0.5;
  const inA = (cx - 25) ** 2 + (cy - 24) ** 2 < 17 ** 2;
  const inB = (cx - 8) ** 2 + (cy - 8) ** 2 < 17 ** 2;
  const vein = Math.abs(cx - 9 + (cy - 23)) < 1.1 && cx > 9 && cx < 19;
  return inA && inB && !vein;
}

function inRoundedSquare(x: number, y: number, r = 7): boolean {
  const cx = Math.min(Math.max(x + 0.5, r), SIZE - r);
  const cy = Math.min(Math.max(y + 0.5, r), SIZE - r);
  return (x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

export function faviconPng(): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
    for (let x = 0; x < SIZE; x++) {
      const o = 1 + x * 4;
      if (!inRoundedSquare(x, y)) continue; // transparent corner
      const white = onLeaf(x, y);
      row[o] = white ? 255 : GREEN[0];
      row[o + 1] = white ? 255 : GREEN[1];
      row[o + 2] = white ? 255 : GREEN[2];
      row[o + 3] = 255;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An .ico holding one PNG image (allowed since Windows Vista; every browser reads it). */
export function faviconIco(): Buffer {
  const png = faviconPng();
  const head = Buffer.alloc(6 + 16);
  head.writeUInt16LE(0, 0); // reserved
  head.writeUInt16LE(1, 2); // icon
  head.writeUInt16LE(1, 4); // one image
  head[6] = SIZE;
  head[7] = SIZE;
  head[8] = 0; // no palette
  head[9] = 0;
  head.writeUInt16LE(1, 10); // colour planes
  head.writeUInt16LE(32, 12); // bits per pixel
  head.writeUInt32LE(png.length, 14);
  head.writeUInt32LE(22, 18); // offset of the image
  return Buffer.concat([head, png]);
}

let built: Array<{ path: string; type: string; body: Buffer }> | null = null;
export function favicon() {
  built ??= [
    { path: '/favicon.ico', type: 'image/x-icon', body: faviconIco() },
    { path: '/favicon.svg', type: 'image/svg+xml', body: Buffer.from(FAVICON_SVG) },
  ];
  return built;
}
