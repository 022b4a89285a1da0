// What each delivery channel sends for a notification (decision 120), in the channel's documented
// format: the WeCom group robot's markdown message, the DingTalk group robot's markdown message, the
// text of an SMS and an e-mail, and the SMS gateway's body from the bureau's template. Pure.

import { isOneOf } from '../one-of.ts';

export interface OutgoingMessage {
  title: string;
  body: string | null;
  /** an absolute console address, or null when PUBLIC_URL is not configured */
  url: string | null;
}

/** WeCom robot markdown content is limited to 4096 bytes of UTF-8. */
export const WECOM_MARKDOWN_MAX_BYTES = 4096;

function clipBytes(text: string, max: number): string {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= max) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const n = new TextEncoder().encode(ch).length;
    if (used + n > max - 3) break;
    out += ch;
    used += n;
  }
  return out + '…';
}

/** Markdown control characters in our own text do not format (a title with * stays a title). */
const plainMarkdown = (s: string) => s.replace(/([\\`*_[\]<>#])/g, '\\$1');

function markdownLines(m: OutgoingMessage, heading: (title: string) => string): string {
  const lines = [heading(plainMarkdown(m.title))];
  if (m.body) lines.push(plainMarkdown(m.body));
  if (m.url) lines.push(`[查看详情](${m.url})`);
  return lines.join('\n\n');
}

/** The WeCom (企业微信) group robot body: POST JSON to its webhook (…/cgi-bin/webhook/send?key=…). */
export function wecomBody(m: OutgoingMessage) {
  return {
    msgtype: 'markdown' as const,
    markdown: {
      content: clipBytes(
        markdownLines(m, (t) => `**${t}**`),
        WECOM_MARKDOWN_MAX_BYTES,
      ),
    },
  };
}

/** The DingTalk (钉钉) group robot body: POST JSON to its webhook, signed in the address (加签). */
export function dingtalkBody(m: OutgoingMessage) {
  return {
    msgtype: 'markdown' as const,
    markdown: { title: m.title, text: markdownLines(m, (t) => `#### ${t}`) },
  };
}

/** The plain text of an SMS or an e-mail. */
export function messageText(m: OutgoingMessage): string {
  return [m.title, m.body, m.url].filter(Boolean).join('\n');
}

export const SMS_PLACEHOLDERS = ['mobile', 'title', 'body', 'text', 'link', 'secret'] as const;
export type SmsPlaceholder = (typeof SMS_PLACEHOLDERS)[number];

/** Placeholders in a template that are not ours (a typo would otherwise be sent as it is). */
export function unknownPlaceholders(template: string): string[] {
  const found = [...template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((x) => x[1] ?? '');
  return [...new Set(found.filter((p) => !isOneOf(SMS_PLACEHOLDERS, p)))];
}

/**
 * The SMS gateway's request body: the template with each {{placeholder}} replaced by its value escaped
 * for the body's format — inside a JSON string (the template supplies the quotes) or URL-encoded.
 */
export function fillTemplate(
  template: string,
  contentType: 'application/json' | 'application/x-www-form-urlencoded',
  values: Record<SmsPlaceholder, string>,
): string {
  const escape =
    contentType === 'application/json'
      ? (v: string) => JSON.stringify(v).slice(1, -1)
      : (v: string) => encodeURIComponent(v);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in values ? escape(values[name as SmsPlaceholder]) : whole,
  );
}

// ---- retries ----

/** The first retry waits a minute, each next one twice as long, never more than an hour. */
export const RETRY_BASE_MS = 60_000;
export const RETRY_CAP_MS = 60 * 60_000;
/** attempts in all, the first one included; then the delivery is failed and shown to the administrator */
export const MAX_ATTEMPTS = 8;

/** When to try again after `attempts` failed attempts, or null: give up. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const wait = Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_CAP_MS);
  return new Date(now.getTime() + wait);
}
