// Sends one message over one delivery channel (decision 120): the WeCom and DingTalk group robots (HTTP
// POST of their documented JSON; DingTalk's 加签 in the address), a generic SMS gateway (HTTP POST of the
// bureau's template) and e-mail over SMTP (nodemailer). Every attempt is bounded by a timeout; a refusal
// (HTTP status, the robot's errcode, the SMTP reply) throws SendError with what the receiver said.
import { createHmac } from 'node:crypto';
import {
  dingtalkBody,
  fillTemplate,
  messageText,
  wecomBody,
  type DeliveryChannelKind,
  type DeliveryChannelSecrets,
  type DeliveryChannelSettings,
  type OutgoingMessage,
} from '@greenvoice/common';
import { nodemailer } from '../../lazy-packages.ts';

export class SendError extends Error {}

export interface Recipient {
  name: string | null;
  mobile: string | null;
  email: string | null;
}

/** DingTalk's signature: HMAC-SHA256 keyed by the secret over "timestamp\nsecret", base64, URL-encoded. */
export function dingtalkSign(timestampMs: number, secret: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
  return encodeURIComponent(mac);
}

export function dingtalkSignedUrl(webhook: string, secret: string | undefined, timestampMs: number): string {
  if (!secret) return webhook;
  const sep = webhook.includes('?') ? '&' : '?';
  return `${webhook}${sep}timestamp=${timestampMs}&sign=${dingtalkSign(timestampMs, secret)}`;
}

const clip = (s: string) => (s.length > 300 ? s.slice(0, 300) + '…' : s);

async function post(
  url: string,
  body: string,
  contentType: string,
  headers: Record<string, string>,
  timeoutMs: number,
) {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': `${contentType}; charset=utf-8`, ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    const e = err as Error;
    throw new SendError(
      e.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : `cannot reach the receiver: ${clip(String(e.cause ?? e.message))}`,
    );
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) throw new SendError(`HTTP ${res.status}: ${clip(text)}`);
  return text;
}

/** The robots answer 200 with {"errcode":0,"errmsg":"ok"}; any other errcode is a refusal. */
function robotAnswer(text: string): string {
  let answer: { errcode?: unknown; errmsg?: unknown };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    throw new SendError(`not the robot's answer: ${clip(text)}`);
  }
  if (answer.errcode !== 0)
    throw new SendError(`errcode ${String(answer.errcode)}: ${clip(String(answer.errmsg ?? ''))}`);
  return `errcode 0 ${String(answer.errmsg ?? '')}`.trim();
}

export async function sendOne(
  kind: DeliveryChannelKind,
  settings: DeliveryChannelSettings,
  secrets: DeliveryChannelSecrets,
  message: OutgoingMessage,
  to: Recipient | null,
  opts: { timeoutMs: number; now: () => number },
): Promise<string> {
  switch (kind) {
    case 'wecom': {
      if (!secrets.webhook) throw new SendError('no webhook address');
      return robotAnswer(
        await post(
          secrets.webhook,
          JSON.stringify(wecomBody(message)),
          'application/json',
          {},
          opts.timeoutMs,
        ),
      );
    }
    case 'dingtalk': {
      if (!secrets.webhook) throw new SendError('no webhook address');
      const url = dingtalkSignedUrl(secrets.webhook, secrets.signSecret, opts.now());
      return robotAnswer(
        await post(url, JSON.stringify(dingtalkBody(message)), 'application/json', {}, opts.timeoutMs),
      );
    }
    case 'sms': {
      if (!to?.mobile) throw new SendError('the person has no mobile number');
      if (!settings.url || !settings.bodyTemplate) throw new SendError('the gateway is not configured');
      const contentType = settings.contentType ?? 'application/json';
      const values = {
        mobile: to.mobile,
        title: message.title,
        body: message.body ?? '',
        text: messageText(message),
        link: message.url ?? '',
        secret: secrets.password ?? '',
      };
      const headers: Record<string, string> = {};
      if (settings.authHeader && secrets.password) headers[settings.authHeader] = secrets.password;
      const answer = await post(
        settings.url,
        fillTemplate(settings.bodyTemplate, contentType, values),
        contentType,
        headers,
        opts.timeoutMs,
      );
      return `HTTP 2xx ${clip(answer)}`.trim();
    }
    case 'email': {
      if (!to?.email) throw new SendError('the person has no e-mail address');
      if (!settings.host || !settings.from) throw new SendError('the SMTP server is not configured');
      const transport = nodemailer().createTransport({
        host: settings.host,
        port: settings.port ?? (settings.secure ? 465 : 25),
        secure: settings.secure ?? false,
        ...(settings.username ? { auth: { user: settings.username, pass: secrets.password ?? '' } } : {}),
        connectionTimeout: opts.timeoutMs,
        greetingTimeout: opts.timeoutMs,
        socketTimeout: opts.timeoutMs,
      });
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: to.name ? `"${to.name.replace(/["\\]/g, '')}" <${to.email}>` : to.email,
          subject: message.title,
          text: messageText(message),
        });
        return clip(info.response);
      } catch (err) {
        throw new SendError(`SMTP: ${clip((err as Error).message)}`);
      } finally {
        transport.close();
      }
    }
  }
}
