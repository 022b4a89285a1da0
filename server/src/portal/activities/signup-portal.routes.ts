// The 活动报名 forms' POSTs (docs/activities.md "Sign-ups on the portal"): each answers a portal page —
// the confirmation code or the waiting-list place, the form again with messages beside the fields, or
// the portal's error page (429, a closed event, a cross-site post refused by plugins/security.ts) —
// never JSON. Each POST spends the client's hourly budget, as the case forms do; a filled honeypot
// files nothing. The seats are taken by the sign-up service in one audited transaction.
import type { FieldProblem } from '../../modules/cases/case-intake.ts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { Config } from '../../config.ts';
import { ApiError } from '../../http/api-error.ts';
import {
  organisationProblem,
  signupContact,
  type SignupsService,
} from '../../modules/activities/signups.service.ts';
import { toApiError } from '../../plugins/errors.ts';
import { formPosts, formRoute } from '../forms/form-posts.ts';
import { clientKey, sendTooManyRequests } from '../../plugins/rate-limits.ts';
import { HONEYPOT, L, newFormToken, postedFormToken, type FormState } from '../cases/case-form-kit.ts';
import type { SafeHtml } from '../html.ts';
import { parsePrefs } from '../layout/prefs.ts';
import { sendRefusal } from '../pages/refusal-page.ts';
import {
  CANCEL_PATH,
  EVENTS_PATH,
  cancelBody,
  eventBody,
  resultBody,
  signupSpec,
  type PublicEvent,
} from './signup-pages.ts';

const Field = Type.Optional(Type.String({ maxLength: 2000 }));
const SignupForm = Type.Object(
  {
    name: Field,
    organisation: Field,
    groupSize: Field,
    mobile: Field,
    email: Field,
    formToken: Field,
    [HONEYPOT]: Field,
  },
  { additionalProperties: false },
);
const CancelForm = Type.Object(
  { code: Field, formToken: Field, [HONEYPOT]: Field },
  { additionalProperties: false },
);
const CODE = /^[A-Z0-9]{8}$/;

/** The sign-up form's fields, checked; problems in both languages, beside their field. */
export function parseSignup(
  f: Record<string, string | undefined>,
  event: Pick<PublicEvent, 'capacity' | 'kind'>,
) {
  const { capacity } = event;
  const problems: FieldProblem[] = [];
  const name = (f.name ?? '').trim();
  const organisation = (f.organisation ?? '').trim();
  const sizeText = (f.groupSize ?? '')
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const max = Math.min(200, capacity);
  if (!name) problems.push({ field: 'name', zh: '请填写姓名或联系人', en: 'Give a name' });
  else if ([...name].length > 60)
    problems.push({ field: 'name', zh: '姓名不超过 60 字', en: 'At most 60 characters' });
  const whom = organisationProblem(event.kind, organisation);
  if (whom) problems.push(whom);
  else if ([...organisation].length > 120)
    problems.push({ field: 'organisation', zh: '单位名称不超过 120 字', en: 'At most 120 characters' });
  const groupSize = /^\d{1,3}$/.test(sizeText) ? Number(sizeText) : NaN;
  if (!(groupSize >= 1 && groupSize <= max))
    problems.push({
      field: 'groupSize',
      zh: `人数须为 1 至 ${max} 的整数`,
      en: `The number of people must be a whole number from 1 to ${max}`,
    });
  const mobile = (f.mobile ?? '').trim();
  const email = (f.email ?? '').trim();
  problems.push(...signupContact({ mobile, email }).problems);
  return {
    input: {
      name,
      organisation: organisation || undefined,
      groupSize,
      mobile: mobile || undefined,
      email: email || undefined,
    },
    problems,
  };
}

export function signupPortalRoutes(
  fastify: FastifyInstance,
  deps: {
    signups: Pick<SignupsService, 'publicEvent' | 'signUp' | 'cancel' | 'waitingPlace'>;
    config: Config;
  },
) {
  const { signups, config } = deps;
  const budget = fastify.createRateLimit({
    max: config.caseIntakePerHour,
    timeWindow: 3_600_000,
    keyGenerator: (req) => `signup:${clientKey(req.ip)}`,
  });
  const spent = async (req: FastifyRequest) => {
    const r = await budget(req);
    return !r.isAllowed && r.isExceeded ? Math.max(1, r.ttlInSeconds) : null;
  };
  const viewOf = (req: FastifyRequest) => ({ prefs: parsePrefs(req.headers.cookie) });

  async function send(
    req: FastifyRequest,
    reply: FastifyReply,
    spec: ReturnType<typeof signupSpec>,
    body: SafeHtml,
    status = 200,
  ) {
    const page = await req.server.portal.frame(req, spec, body);
    if (page === null) return req.server.portal.notFound(req, reply);
    return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);
  }
  const sitePath = (req: FastifyRequest) => req.portalSite?.path ?? null;
  const state = (values: Record<string, string>, problems: FieldProblem[], formToken = ''): FormState => ({
    values,
    problems,
    formToken,
    challenge: null,
  });
  const robot = () =>
    new ApiError('VALIDATION_FAILED', undefined, { zh: '提交无法受理', en: 'The form cannot be taken' });

  formPosts(fastify, 16 * 1024, (scope) => {
    // registered before /events/:id: "cancel" is no event id
    scope.post(CANCEL_PATH, formRoute(CancelForm), async (req, reply) => {
      const f = req.body as Record<string, string>;
      const retry = await spent(req);
      if (retry) return sendTooManyRequests(reply, retry);
      if (f[HONEYPOT]) return sendRefusal(reply, robot());
      const v = viewOf(req);
      const spec = signupSpec(v, L(v, '取消报名', 'Cancel a sign-up'));
      const code = (f.code ?? '').trim().toUpperCase();
      const again = (p: FieldProblem) => send(req, reply, spec, cancelBody(v, state({ code }, [p])), 400);
      if (!CODE.test(code))
        return again({ field: 'code', zh: '确认码为 8 位字母或数字', en: 'The code is 8 letters or digits' });
      try {
        await signups.cancel(req.ctx, code);
      } catch (err) {
        const e = toApiError(err as FastifyError);
        if (e.code === 'NOT_FOUND')
          return again({ field: 'code', zh: '没有这个确认码，请核对后重试', en: 'No sign-up has this code' });
        if (e.code === 'INVALID_TRANSITION')
          return again({ field: 'code', zh: '该报名已取消', en: 'This sign-up is already cancelled' });
        throw err;
      }
      return send(
        req,
        reply,
        spec,
        cancelBody(
          v,
          state({}, []),
          L(v, `确认码 ${code} 的报名已取消。`, `The sign-up ${code} is cancelled.`),
        ),
      );
    });

    scope.post(`${EVENTS_PATH}/:id`, formRoute(SignupForm), async (req, reply) => {
      const f = req.body as Record<string, string>;
      const raw = (req.params as { id?: string }).id ?? '';
      const id = /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
      const path = sitePath(req);
      const event: PublicEvent | null = id && path ? await signups.publicEvent(id, path) : null;
      if (!event) return req.server.portal.notFound(req, reply);
      const retry = await spent(req);
      if (retry) return sendTooManyRequests(reply, retry);
      if (f[HONEYPOT]) return sendRefusal(reply, robot());
      if (!event.open)
        return sendRefusal(
          reply,
          new ApiError('INVALID_TRANSITION', undefined, { zh: '报名已截止', en: 'Sign-up has closed' }),
        );
      const v = viewOf(req);
      const spec = signupSpec(v, event.title);
      const values = Object.fromEntries(
        (['name', 'organisation', 'groupSize', 'mobile', 'email'] as const).map((k) => [k, f[k] ?? '']),
      );
      // the form's token goes back with the form; a form without one (an old page) gets a new one
      const formToken = postedFormToken(f);
      const { input, problems } = parseSignup(f, event);
      if (problems.length)
        return send(
          req,
          reply,
          spec,
          eventBody(v, event, state(values, problems, formToken ?? newFormToken())),
          400,
        );
      const r = await signups.signUp(req.ctx, event.id, input, formToken ? { formToken } : {});
      const place = r.status === 'waiting' ? await signups.waitingPlace(r.code) : null;
      return send(
        req,
        reply,
        signupSpec(v, L(v, '报名结果', 'Sign-up'), [
          { label: event.title, href: `${EVENTS_PATH}/${event.id}` },
        ]),
        resultBody(v, event, r, place, r.repeated === true),
      );
    });
  });
}
