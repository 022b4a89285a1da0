// Heavy packages, loaded the first time they are used instead of at start (decision 090): spreadsheets,
// image re-encoding and the HTML sanitiser's parser each cost 10-30 MB of memory that an idle server, or
// one that never imports a spreadsheet, should not hold. A synchronous require (every one of them ships a
// CommonJS build) keeps the callers as they were — sanitising and segmenting stay synchronous functions —
// and loads each package once; later calls are a cache lookup. The bundle keeps these `requirePackage("…")`
// calls as written; the build test finds them there and checks each is a production dependency.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import type Sharp from 'sharp';
import type SanitizeHtml from 'sanitize-html';
import type * as JiebaPackage from '@node-rs/jieba';
import type * as IoRedis from 'ioredis';
import type Pg from 'pg';

const requirePackage = createRequire(import.meta.url);

export const excel = (): typeof ExcelJS => requirePackage('exceljs');
export const sharp = (): typeof Sharp => requirePackage('sharp');
export const sanitizeHtml = (): typeof SanitizeHtml => requirePackage('sanitize-html');
export const jieba = (): typeof JiebaPackage => requirePackage('@node-rs/jieba');
/** only with REDIS_URL (shared rate limits) */
export const redis = (): typeof IoRedis => requirePackage('ioredis');
/** only on PostgreSQL */
export const pg = (): typeof Pg => requirePackage('pg');
/** only when an e-mail channel sends (nodemailer's own types are not installed: the part we use) */
export const nodemailer = (): NodemailerLike => requirePackage('nodemailer');
export interface NodemailerLike {
  createTransport(options: {
    host: string;
    port: number;
    secure: boolean;
    auth?: { user: string; pass: string };
    connectionTimeout: number;
    greetingTimeout: number;
    socketTimeout: number;
  }): {
    sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<{
      messageId: string;
      response: string;
    }>;
    close(): void;
  };
}
/** jieba's dictionary: 5 MB read into memory by the package's dict.js */
export const jiebaDict = (): Buffer => (requirePackage('@node-rs/jieba/dict.js') as { dict: Buffer }).dict;
