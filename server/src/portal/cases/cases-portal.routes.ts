// The public case forms' POSTs (docs/public-interaction.md "Forms" and "Anti-abuse"): each answers a
// portal page — the receipt, the form again with messages beside the fields, or a 429 page — never
// JSON. Every intake spends the client's hourly budget; past a lower mark (or with the honeypot filled)
// the form asks a text question before it files; a repeat of the same form files nothing new. Photos
// follow the evidence-file rules (modules/submissions/evidence-intake.ts) and are removed again when the
// case is not filed, so nothing is half-written.
import { randomBytes, randomInt } from 'node:crypto';
import { isOneOf, REPORT_MAX_PHOTOS, REPORT_PHOTO_MAX_BYTES, type CaseKind } from '@greenvoice/common';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Config } from '../../config.ts';
import type { FileStore } from '../../files/file-store.ts';
import { multipartParts } from '../../http/route-kit.ts';
import { parseIntake, type FieldProblem } from '../../modules/cases/case-intake.ts';
import type { CasesKeys } from '../../modules/cases/cases-keys.ts';
import type { CasesService } from '../../modules/cases/cases.service.ts';
import type { AcceptedFile, createEvidenceIntake } from '../../modules/submissions/evidence-intake.ts';
import { toApiError } from '../../plugins/errors.ts';
import { formErrorHandler, formPosts, formRoute } from '../forms/form-posts.ts';
import { clientKey, sendTooManyRequests } from '../../plugins/rate-limits.ts';
import { sendRefusal } from '../pages/refusal-page.ts';
import { ApiError } from '../../http/api-error.ts';
import type { ConsultationsService } from '../../modules/cases/consultations.service.ts';
import { CONSULTATIONS_PATH, consultationBody } from './consultation-pages.ts';
import { html, type SafeHtml } from '../html.ts';
import {
  HONEYPOT,
  L,
  newFormToken,
  postedFormToken,
  type FormState,
  type LangView,
} from './case-form-kit.ts';
import { parsePrefs } from '../layout/prefs.ts';
import {
  FORM_PATHS,
  TRACK_PATH,
  caseSpec,
  infoRequestForm,
  letterForm,
  receiptBody,
  reportForm,
  trackForm,
  trackResult,
} from './case-pages.ts';

const FIELD_NAMES = [
  'formToken',
  HONEYPOT,
  'challenge',
  'challengeToken',
  'category',
  'county',
  'address',
  'description',
  'subject',
  'anonymous',
  'shareIdentity',
  'publicReply',
  'name',
  'organisation',
  'phone',
  'email',
  'idNumber',
  'applicantType',
  'organisationKind',
  'infoForm',
  'infoDelivery',
] as const;
const Field = Type.Optional(Type.String({ maxLength: 20000 }));
const LetterForm = Type.Object(Object.fromEntries(FIELD_NAMES.map((n) => [n, Field])), {
  additionalProperties: false,
});
const TrackForm = Type.Object(
  { number: Field, code: Field, rating: Field, comment: Field, text: Field },
  { additionalProperties: false },
);
const CHALLENGE_TTL_MS = 30 * 60_000;
const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

type Photos = ReturnType<typeof createEvidenceIntake>;

export function casesPortalRoutes(
  fastify: FastifyInstance,
  deps: {
    cases: CasesService;
    photos: Photos;
    photoStore: FileStore;
    keys: CasesKeys;
    config: Config;
    consultations?: ConsultationsService;
  },
) {
  const { cases, keys, config } = deps;
  const hour = 3_600_000;
  const limiter = (name: string, max: number, timeWindow: number) =>
    fastify.createRateLimit({ max, timeWindow, keyGenerator: (req) => `${name}:${clientKey(req.ip)}` });
  const intakeHard = limiter('case-intake', config.caseIntakePerHour, hour);
  const intakeSoft = limiter('case-intake-soft', Math.max(1, config.caseIntakeChallengeAfter), hour);
  const lookups = limiter('case-lookup', config.caseLookupsPerMinute, 60_000);
  const spent = async (l: typeof lookups, req: FastifyRequest) => {
    const r = await l(req);
    return !r.isAllowed && r.isExceeded ? Math.max(1, r.ttlInSeconds) : null;
  };

  function newChallenge(formToken: string): FormState['challenge'] {
    const a = randomInt(1, 10);
    const b = randomInt(1, 10);
    const expires = Date.now() + CHALLENGE_TTL_MS;
    const nonce = randomBytes(6).toString('base64url');
    return {
      question: { zh: `${CN_DIGITS[a]}加${CN_DIGITS[b]}等于几？`, en: `What is ${a} plus ${b}?` },
      token: `${expires}.${nonce}.${keys.signChallenge(`${a + b}|${expires}|${nonce}|${formToken}`)}`,
    };
  }
  function challengePassed(f: Record<string, string>, formToken: string) {
    const [expires, nonce, sig] = (f.challengeToken ?? '').split('.');
    const answer = (f.challenge ?? '')
      .trim()
      .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    if (!expires || !nonce || !sig || !/^\d{1,2}$/.test(answer) || Number(expires) < Date.now()) return false;
    return keys.signChallenge(`${Number(answer)}|${expires}|${nonce}|${formToken}`) === sig;
  }

  async function send(req: FastifyRequest, reply: FastifyReply, title: string, body: SafeHtml, status = 200) {
    const v = await req.server.portal.frame(req, caseSpec(viewOf(req), title), body);
    if (v === null) return req.server.portal.notFound(req, reply);
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(v);
  }

  const TITLES: Record<CaseKind, string> = {
    draftComment: '意见征集',
    report: '12369环保举报',
    mailbox: '局长信箱',
    consultation: '咨询',
    infoRequest: '依申请公开',
  };

  /** The form again, with the person's values and the messages beside the fields. */
  async function formAgain(
    req: FastifyRequest,
    reply: FastifyReply,
    kind: keyof typeof TITLES,
    s: FormState,
    consultationId: number | null,
  ) {
    const v = viewOf(req);
    if (kind === 'draftComment') {
      const one = consultationId ? await deps.consultations?.publishedOne(consultationId) : null;
      if (!one) return req.server.portal.notFound(req, reply);
      const page = await req.server.portal.frame(
        req,
        caseSpec(v, one.consultation.title, [
          { label: L(v, '意见征集', 'Consultations on drafts'), href: CONSULTATIONS_PATH },
        ]),
        consultationBody(v, one.consultation, one.comments, s),
      );
      if (page === null) return req.server.portal.notFound(req, reply);
      return reply.code(400).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
    }
    const body =
      kind === 'report'
        ? reportForm(
            v,
            s,
            (await cases.counties()).map((c) => c.area),
          )
        : kind === 'infoRequest'
          ? infoRequestForm(v, s)
          : letterForm(v, s, kind);
    return send(req, reply, TITLES[kind], body, s.problems.length ? 400 : 200);
  }

  /** Anti-abuse and filing, shared by the four forms; `photos` already passed the evidence rules. */
  async function intake(
    req: FastifyRequest,
    reply: FastifyReply,
    kind: keyof typeof TITLES,
    f: Record<string, string>,
    photos: AcceptedFile[],
    photoProblems: FieldProblem[],
    stored: string[],
    consultationId: number | null = null,
  ) {
    const discard = () => deps.photoStore.remove(...stored);
    const retry = await spent(intakeHard, req);
    if (retry) {
      await discard();
      return sendTooManyRequests(reply, retry);
    }
    const formToken = postedFormToken(f) ?? newFormToken();
    const values = Object.fromEntries(
      FIELD_NAMES.filter((n) => n !== HONEYPOT && n !== 'challenge' && n !== 'challengeToken').map((n) => [
        n,
        f[n] ?? '',
      ]),
    );
    const suspicious =
      (f[HONEYPOT] ?? '') !== '' ||
      (await spent(intakeSoft, req)) !== null ||
      config.caseIntakeChallengeAfter === 0;
    const { input, problems } = parseIntake(
      kind,
      f,
      (await cases.counties()).map((c) => c.area),
    );
    problems.push(...photoProblems);
    let challenge: FormState['challenge'] = null;
    if (suspicious && !challengePassed(f, formToken)) {
      challenge = newChallenge(formToken);
      if (f.challengeToken)
        problems.push({
          field: 'challenge',
          zh: '答案不正确，请重新计算',
          en: 'That is not the answer; please try again',
        });
      else if (!problems.length)
        problems.push({
          field: 'challenge',
          zh: '请回答安全验证问题',
          en: 'Please answer the security question',
        });
    }
    if (problems.length) {
      await discard();
      return formAgain(
        req,
        reply,
        kind,
        {
          values,
          problems,
          formToken,
          challenge,
          photosDropped: stored.length > 0,
        },
        consultationId,
      );
    }
    try {
      const receipt = await cases.file(req.ctx, formToken, { ...input, consultationId }, photos);
      if (receipt.repeated) await discard();
      return send(req, reply, L(viewOf(req), '提交成功', 'Received'), receiptBody(viewOf(req), receipt));
    } catch (err) {
      await discard();
      throw err;
    }
  }

  formPosts(fastify, 256 * 1024, (scope) => {
    for (const kind of ['mailbox', 'consultation', 'infoRequest'] as const)
      scope.post(FORM_PATHS[kind], formRoute(LetterForm), async (req, reply) =>
        intake(req, reply, kind, req.body as Record<string, string>, [], [], []),
      );

    // a draft's attachment: only of a published consultation of this site
    scope.get(
      '/interaction/consultations/:id/files/:fileId',
      { config: { access: 'public' }, schema: { hide: true } },
      async (req, reply) => {
        const p = req.params as { id?: string; fileId?: string };
        const ok = (x?: string) => (x && /^[1-9]\d{0,8}$/.test(x) ? Number(x) : null);
        const [id, fileId] = [ok(p.id), ok(p.fileId)];
        const f = id && fileId ? await deps.consultations?.openFile(id, fileId) : null;
        if (!f) return req.server.portal.notFound(req, reply);
        return reply
          .type(f.mime)
          .header('cache-control', 'no-cache')
          .header('x-content-type-options', 'nosniff')
          .header(
            'content-disposition',
            `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(f.name)}`,
          )
          .send(f.body);
      },
    );

    // a comment on a draft: only while the consultation is open; the same guards as every intake
    scope.post('/interaction/consultations/:id', formRoute(LetterForm), async (req, reply) => {
      const raw = (req.params as { id?: string }).id ?? '';
      const id = /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
      if (id === null || !(await deps.consultations?.openForComments(id)))
        return sendRefusal(
          reply,
          new ApiError('INVALID_TRANSITION', undefined, {
            zh: '该草案不在征求意见期内，不能提交意见',
            en: 'This draft is not open for comments',
          }),
        );
      return intake(req, reply, 'draftComment', req.body as Record<string, string>, [], [], [], id);
    });

    scope.post(
      FORM_PATHS.report,
      {
        config: { access: 'public' },
        schema: { hide: true, consumes: ['multipart/form-data'] },
        errorHandler: formErrorHandler,
      },
      async (req, reply) => {
        const parts = multipartParts(req, {
          limits: { files: REPORT_MAX_PHOTOS + 10, fileSize: REPORT_PHOTO_MAX_BYTES, fields: 40 },
        });
        const fields: Record<string, string> = {};
        const photos: AcceptedFile[] = [];
        const stored: string[] = [];
        const replaced: string[] = [];
        const problems: FieldProblem[] = [];
        let count = 0;
        try {
          for await (const part of parts) {
            if (part.type === 'field') {
              if (isOneOf(FIELD_NAMES, part.fieldname) && typeof part.value === 'string')
                fields[part.fieldname] = part.value;
              continue;
            }
            if (!part.filename) {
              part.file.resume();
              continue;
            }
            count++;
            if (count > REPORT_MAX_PHOTOS || problems.length) {
              part.file.resume();
              continue;
            }
            try {
              photos.push(await deps.photos.accept(part, stored, replaced));
            } catch (err) {
              part.file.resume();
              const e = toApiError(err as FastifyError);
              if (e.status >= 500) throw err;
              const reason =
                e.code === 'PAYLOAD_TOO_LARGE' || (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE'
                  ? {
                      zh: `照片“${part.filename}”超过 10 MB`,
                      en: `The photo "${part.filename}" is larger than 10 MB`,
                    }
                  : {
                      zh: e.fields?.[0]?.message ?? e.specific?.zh ?? '照片无法接收',
                      en: e.fields?.[0]?.messageEn ?? e.specific?.en ?? 'The photo cannot be taken',
                    };
              problems.push({ field: 'photos', ...reason });
            }
          }
        } catch (err) {
          const code = (err as { code?: string }).code;
          if (code === 'FST_FILES_LIMIT' || code === 'FST_REQ_FILE_TOO_LARGE') {
            problems.push({
              field: 'photos',
              zh: `最多上传 ${REPORT_MAX_PHOTOS} 张照片`,
              en: `At most ${REPORT_MAX_PHOTOS} photos`,
            });
          } else {
            await deps.photoStore.remove(...stored);
            throw err;
          }
        }
        if (count > REPORT_MAX_PHOTOS)
          problems.push({
            field: 'photos',
            zh: `最多上传 ${REPORT_MAX_PHOTOS} 张照片，您选择了 ${count} 张`,
            en: `At most ${REPORT_MAX_PHOTOS} photos; you chose ${count}`,
          });
        // the originals of re-encoded photos go now: only the re-encoded copies are ever kept
        await deps.photoStore.remove(...replaced);
        const kept = stored.filter((k) => !replaced.includes(k));
        return intake(req, reply, 'report', fields, photos, problems, kept);
      },
    );

    // Following a case: the number and code travel in the body, never in an address or a log line.
    const notMatching: FieldProblem = {
      field: 'code',
      zh: '查询编号或查询码不正确，请核对后重试',
      en: 'The tracking number or query code is not right; please check them',
    };
    async function lookup(
      req: FastifyRequest,
      reply: FastifyReply,
      found: (n: string, c: string) => Promise<unknown>,
    ) {
      const f = req.body as Record<string, string>;
      const retry = await spent(lookups, req);
      if (retry) return sendTooManyRequests(reply, retry);
      const number = (f.number ?? '').slice(0, 40);
      const code = (f.code ?? '').slice(0, 20);
      const view = number && code ? await found(number, code) : null;
      return { view, number, code };
    }
    const again = (req: FastifyRequest, reply: FastifyReply, number: string, code: string, blank: boolean) =>
      send(
        req,
        reply,
        '办理进度查询',
        trackForm(viewOf(req), {
          values: { number, code: '' },
          problems: blank
            ? [
                ...(number
                  ? []
                  : [{ field: 'number', zh: '请填写查询编号', en: 'Give the tracking number' }]),
                ...(code ? [] : [{ field: 'code', zh: '请填写查询码', en: 'Give the query code' }]),
              ]
            : [notMatching],
          formToken: '',
          challenge: null,
        }),
        400,
      );

    scope.post(TRACK_PATH, formRoute(TrackForm), async (req, reply) => {
      const r = await lookup(req, reply, (n, c) => cases.track(n, c));
      if (!('view' in r)) return r;
      if (!r.view) return again(req, reply, r.number, r.code, !r.number || !r.code);
      return send(req, reply, '办理进度查询', trackResult(viewOf(req), r.view as never, r.code, null));
    });
    scope.post(`${TRACK_PATH}/rate`, formRoute(TrackForm), async (req, reply) => {
      const f = req.body as Record<string, string>;
      const rating = Number(f.rating);
      const r = await lookup(req, reply, (n, c) =>
        Number.isInteger(rating) && rating >= 1 && rating <= 5
          ? cases.rate(req.ctx, n, c, rating, (f.comment ?? '').trim().slice(0, 1000))
          : cases.track(n, c),
      );
      if (!('view' in r)) return r;
      if (!r.view) return again(req, reply, r.number, r.code, false);
      return send(
        req,
        reply,
        '办理进度查询',
        trackResult(
          viewOf(req),
          r.view as never,
          r.code,
          L(viewOf(req), '感谢您的评价。', 'Thank you for your rating.'),
        ),
      );
    });
    scope.post(`${TRACK_PATH}/complete`, formRoute(TrackForm), async (req, reply) => {
      const f = req.body as Record<string, string>;
      const text = (f.text ?? '').trim().slice(0, 5000);
      const r = await lookup(req, reply, (n, c) =>
        text ? cases.complete(req.ctx, n, c, text) : cases.track(n, c).then((view) => view && { view }),
      );
      if (!('view' in r)) return r;
      const done = r.view as Awaited<ReturnType<CasesService['complete']>> | { view: never } | null;
      if (!done) return again(req, reply, r.number, r.code, false);
      const v = viewOf(req);
      // after the period a completion is not one: the page says the request is treated as withdrawn
      // and where to file anew (decision 210)
      const note = !text
        ? null
        : 'late' in done && done.late
          ? html`${L(v, done.message.zh, done.message.en)}
              <a href="${FORM_PATHS.infoRequest}" data-testid="new-info-request"
                >${L(v, '重新提出申请', 'File a new request')}</a
              >`
          : L(
              v,
              '补正已提交，答复期限自今日起重新计算。',
              'Completed: the time limit runs again from today.',
            );
      return send(req, reply, '办理进度查询', trackResult(v, done.view as never, r.code, note));
    });
  });
}

/** The visitor's language and display settings, for page bodies rendered outside the page table. */
function viewOf(req: FastifyRequest): LangView {
  return { prefs: parsePrefs(req.headers.cookie) };
}
