// File upload with progress. fetch() cannot report upload progress, so this one call uses XMLHttpRequest.
import { ApiError, fallbackError } from './api-error.ts';
import type { ApiErrorBody } from '@greenvoice/common';

export interface UploadCallbacks {
  /** 0–100 while the bytes go up */
  onProgress?: (percent: number) => void;
  /** all bytes sent; the server is now checking the file */
  onUploaded?: () => void;
}

export function uploadFile<T>(
  url: string,
  field: string,
  file: Blob,
  fileName: string,
  callbacks: UploadCallbacks = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = false; // same origin: the session cookie goes anyway
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) callbacks.onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.upload.onload = () => {
      callbacks.onProgress?.(100);
      callbacks.onUploaded?.();
    };
    xhr.onerror = () => reject(fallbackError(0));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null; // not JSON (a proxy's error page): reported as a generic error below
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const err = body as Partial<ApiErrorBody> | null;
      reject(
        err && typeof err.code === 'string' && typeof err.message === 'string'
          ? new ApiError(xhr.status, err as ApiErrorBody)
          : fallbackError(xhr.status),
      );
    };
    const form = new FormData();
    form.append(field, file, fileName);
    xhr.send(form);
  });
}
