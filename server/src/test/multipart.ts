// Builds a multipart/form-data body for app.inject, the way a browser uploads a file.
import { randomBytes } from 'node:crypto';

/** One file under `field`, nothing else: the form below with no text fields. */
export function multipartFile(
  field: string,
  filename: string,
  content: Buffer,
  contentType = 'application/octet-stream',
) {
  return multipartForm({}, [{ name: filename, body: content, type: contentType, field }]);
}

/** A form with text fields and files (each under `field`, `photos` by default), as a browser posts it. */
export function multipartForm(
  fields: Record<string, string>,
  files: Array<{ name: string; body: Buffer; type?: string; field?: string }> = [],
) {
  const boundary = `----gv${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  for (const f of files)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'photos'}"; filename="${f.name}"\r\nContent-Type: ${f.type ?? 'image/jpeg'}\r\n\r\n`,
      ),
      f.body,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
