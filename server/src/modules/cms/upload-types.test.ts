import { describe, expect, it } from 'vitest';
import { detectUploadType, stripJpegMetadata, stripPngMetadata } from './upload-types.ts';
import { tinyJpegWithExif, tinyPngWithText } from './test-images.ts';

describe('uploads are judged by content', () => {
  it.each([
    [tinyPngWithText(), 'a.png', 'png'],
    [tinyJpegWithExif(), 'a.JPG', 'jpg'],
    [tinyJpegWithExif(), 'a.jpeg', 'jpg'],
    [Buffer.from('%PDF-1.7\n'), '通知.pdf', 'pdf'],
    [tinyPngWithText(), 'a.pdf', null], // extension disagrees
    [Buffer.from('<html><script>alert(1)</script>'), 'a.png', null],
    [Buffer.from('MZ\x90\x00'), 'a.exe', null],
  ] as const)('%#: %s → %s', (buf, name, type) => {
    expect(detectUploadType(buf, name)).toBe(type);
  });

  it('removes EXIF (GPS) from JPEG and text chunks from PNG, keeping the image', () => {
    const jpg = tinyJpegWithExif();
    expect(jpg.includes(Buffer.from('Exif'))).toBe(true);
    const clean = stripJpegMetadata(jpg);
    expect(clean.includes(Buffer.from('Exif'))).toBe(false);
    expect(clean.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(clean.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    const png = tinyPngWithText();
    expect(png.includes(Buffer.from('GPS'))).toBe(true);
    const cleanPng = stripPngMetadata(png);
    expect(cleanPng.includes(Buffer.from('GPS'))).toBe(false);
    expect(cleanPng.includes(Buffer.from('IDAT'))).toBe(true);
    expect(() => stripPngMetadata(png.subarray(0, 30))).toThrow();
  });
});
