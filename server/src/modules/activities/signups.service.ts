// Sign-ups for open days and events (docs/activities.md "Sign-ups"): a group takes seats if they are
// free, otherwise it joins the waiting list; a cancellation frees its seats and the waiting list moves
// up in the order people joined (the head waits until its whole group fits, so a big group is never
// starved by later small ones; while anyone waits, a newcomer waits too). Each sign-up has a
// confirmation code, the only thing needed to cancel. Every step is one audited transaction.
import { randomInt } from 'node:crypto';
import {
  normaliseEmail,
  normaliseMobile,
  type SignupEvent,
  type SignupEventInput,
  type SignupInput,
  type SignupResult,
} from '@greenvoice/common';
import type { Transaction } from 'kysely';
import { nowIso } from '../../db/database.ts';
import type { Database, SignupStatus } from '../../db/types.ts';
import { ApiError, notFound } from '../../http/api-error.ts';
import { isUniqueViolation } from '../../http/idempotency.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { SignupsRepo } from './signups.repo.ts';

const CODE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const newCode = () => Array.from({ length: 8 }, () => CODE_LETTERS[randomInt(CODE_LETTERS.length)]).join('');

/**
 * The optional mobile and e-mail for the reminder (decision 194), normalised; a wrong one is a problem
 * named by its field (the API refuses it at `/mobile`, the portal form shows it beside the field).
 */
export function signupContact(input: Pick<SignupInput, 'mobile' | 'email'>) {
  const given = (x: string | undefined) => x?.trim() ?? '';
  const mobile = given(input.mobile) ? normaliseMobile(given(input.mobile)) : null;
  const email = given(input.email) ? normaliseEmail(given(input.email)) : null;
  const problems = [
    ...(given(input.mobile) && !mobile
      ? [{ field: 'mobile', zh: '手机号码应为 11 位数字', en: 'A mobile number has 11 digits' }]
      : []),
    ...(given(input.email) && !email
      ? [{ field: 'email', zh: '邮箱格式不正确', en: 'Not an e-mail address' }]
      : []),
  ];
  return { mobile, email, problems };
}

/**
 * Whom a booking is for: a base visit receives schools and groups, so it needs the school's or group's
 * name (decision 200). One problem named by its field, as signupContact's, for the API and the form.
 */
export function organisationProblem(kind: SignupEvent['kind'], organisation: string | undefined | null) {
  return kind === 'baseVisit' && !organisation?.trim()
    ? {
        field: 'organisation',
        zh: '预约基地参观请填写学校或团体名称',
        en: 'A base visit is booked for a school or group: give its name',
      }
    : null;
}

type EventRow = NonNullable<Awaited<ReturnType<SignupsRepo['findEvent']>>>;
export const presentEvent = (e: EventRow): SignupEvent => ({
  id: e.id,
  title: e.title,
  kind: e.kind,
  startsAt: e.starts_at,
  closesAt: e.closes_at,
  place: e.place,
  description: e.description,
  capacity: e.capacity,
  taken: e.taken,
  waiting: Number(e.waiting ?? 0),
  baseId: e.base_id,
  baseName: e.base_name,
});

const problem = (field: string, message: string, messageEn: string) =>
  new ApiError('VALIDATION_FAILED', [{ field, message, messageEn }]);

export function createSignupsService(deps: { repo: SignupsRepo; audit: AuditService }) {
  const { repo, audit } = deps;

  /** Moves the waiting list up while its head fits, in the caller's transaction. */
  async function promote(trx: Transaction<Database>, eventId: number, at: string) {
    for (const w of await repo.waiting(trx, eventId)) {
      if (!(await repo.takeSeats(trx, eventId, w.group_size))) return;
      await repo.setStatus(trx, w.id, 'waiting', 'confirmed', at);
    }
  }

  return {
    async createEvent(ctx: RequestContext, input: SignupEventInput): Promise<SignupEvent> {
      const actor = requireActor(ctx);
      if (input.closesAt > input.startsAt)
        throw problem(
          '/closesAt',
          '报名截止时间不能晚于活动开始时间',
          'Sign-up must close before the event starts',
        );
      // a visiting slot opens one of the bureau's own education bases in good standing; nothing else has one
      if (input.kind === 'baseVisit') {
        if (!input.baseId)
          throw problem('/baseId', '基地参观须选择环境教育基地', 'A base visit names its education base');
        if (!(await repo.findOpenBase(actor.bureauUnitId, input.baseId)))
          throw problem(
            '/baseId',
            '只能为本局名录中有效的环境教育基地开放参观时段',
            "Only an active education base of the bureau's registry opens visiting slots",
          );
      } else if (input.baseId)
        throw problem('/baseId', '只有基地参观才选择教育基地', 'Only a base visit names an education base');
      const id = await audit.transact(ctx, async (trx, record) => {
        const id = await repo.insertEvent(trx, {
          bureau_unit_id: actor.bureauUnitId,
          title: input.title.trim(),
          kind: input.kind,
          starts_at: new Date(input.startsAt).toISOString(),
          closes_at: new Date(input.closesAt).toISOString(),
          place: input.place.trim(),
          description: input.description?.trim() || null,
          capacity: input.capacity,
          base_id: input.kind === 'baseVisit' ? input.baseId! : null,
          is_demo: 0,
          created_at: nowIso(),
        });
        await record({
          action: 'signupEvent.create',
          objectType: 'signupEvent',
          objectId: id,
          detail: { after: input },
        });
        return id;
      });
      return presentEvent((await repo.findEvent(id))!);
    },

    async listEvents(ctx: RequestContext) {
      return { items: (await repo.listEvents(requireActor(ctx).bureauPath)).map(presentEvent) };
    },

    async signupsOf(ctx: RequestContext, eventId: number) {
      const e = await repo.findEvent(eventId);
      if (!e || e.bureau_unit_id !== requireActor(ctx).bureauUnitId) throw notFound();
      const rows = await repo.signupsOf(eventId);
      return {
        items: rows.map((r) => ({
          id: r.id,
          code: r.code,
          name: r.name,
          organisation: r.organisation,
          groupSize: r.group_size,
          status: r.status,
          createdAt: r.created_at,
        })),
      };
    },

    /** The portal's list: a site's events still open for sign-up. */
    openEvents: async (scopePath: string) => (await repo.openEvents(nowIso(), scopePath)).map(presentEvent),
    /** The portal's event page: a site's event, open or closed (closed: no form); null if not the site's. */
    publicEvent: async (id: number, scopePath: string) => {
      const e = await repo.findWithin(id, scopePath);
      return e ? { ...presentEvent(e), open: e.closes_at > nowIso() } : null;
    },
    /**
     * The portal's 环境教育基地 page: a site's bases in good standing, each with its visiting slots still
     * open for booking (seats and waiting list as on the event's page).
     */
    async publicBases(scopePath: string) {
      const bases = await repo.publicBases(scopePath);
      const slots = await repo.openSlots(
        nowIso(),
        bases.map((b) => b.id),
      );
      return bases.map((b) => ({
        id: b.id,
        name: b.name,
        county: b.county,
        level: b.level,
        yearAwarded: b.year_awarded,
        slots: slots.filter((e) => e.base_id === b.id).map(presentEvent),
      }));
    },
    /** The place on the waiting list of a waiting sign-up (1 = next), null for any other. */
    async waitingPlace(code: string): Promise<number | null> {
      const s = await repo.findByCode(code);
      if (!s || s.status !== 'waiting') return null;
      return repo.waitingBefore(s.event_id, s.id).then((n) => n + 1);
    },

    /**
     * One sign-up: confirmed if the seats are free, else on the waiting list. A portal form's token
     * (decision 200) makes a repeat of the same form — a double click, a reload — answer the sign-up the
     * first one made, with `repeated`, instead of a second one.
     */
    async signUp(
      ctx: RequestContext,
      eventId: number,
      input: SignupInput,
      opts: { formToken?: string } = {},
    ): Promise<SignupResult & { repeated?: true }> {
      const event = await repo.findEvent(eventId);
      if (!event) throw notFound();
      const at = nowIso();
      if (event.closes_at <= at)
        throw new ApiError('INVALID_TRANSITION', undefined, { zh: '报名已截止', en: 'Sign-up has closed' });
      if (input.groupSize > event.capacity)
        throw problem(
          '/groupSize',
          `人数超过${event.kind === 'baseVisit' ? '该时段' : '活动'}容量（${event.capacity} 人）`,
          `The group is larger than the ${event.kind === 'baseVisit' ? "slot's" : "event's"} capacity (${event.capacity})`,
        );
      const whom = organisationProblem(event.kind, input.organisation);
      if (whom) throw problem(`/${whom.field}`, whom.zh, whom.en);
      const contact = signupContact(input);
      if (contact.problems.length)
        throw new ApiError(
          'VALIDATION_FAILED',
          contact.problems.map((p) => ({ field: `/${p.field}`, message: p.zh, messageEn: p.en })),
        );
      const token = opts.formToken ?? null;
      const earlier = async (q?: Transaction<Database>) => {
        const s = token ? await repo.findByFormToken(eventId, token, q) : undefined;
        return s
          ? { code: s.code, status: s.status, groupSize: s.group_size, eventId, repeated: true as const }
          : null;
      };
      const made = audit.transact(ctx, async (trx, record) => {
        const repeat = await earlier(trx);
        if (repeat) return repeat;
        const queue = await repo.waiting(trx, eventId);
        const confirmed = queue.length === 0 && (await repo.takeSeats(trx, eventId, input.groupSize));
        const code = newCode();
        const status: SignupStatus = confirmed ? 'confirmed' : 'waiting';
        const id = await repo.insertSignup(trx, {
          event_id: eventId,
          code,
          name: input.name.trim(),
          organisation: input.organisation?.trim() || null,
          group_size: input.groupSize,
          mobile: contact.mobile,
          email: contact.email,
          form_token: token,
          status,
          created_at: at,
          updated_at: at,
        });
        await record({
          action: 'signup.create',
          objectType: 'signup',
          objectId: id,
          detail: { eventId, status, groupSize: input.groupSize },
        });
        return { code, status, groupSize: input.groupSize, eventId };
      });
      // the same form twice at once on PostgreSQL: the second insert meets the first's token in the unique
      // index after it committed, its transaction (seats included) rolls back, and it answers the first's
      return made.catch(async (err: unknown) => {
        const repeat = isUniqueViolation(err) ? await earlier() : null;
        if (repeat) return repeat;
        throw err;
      });
    },

    /** Cancels by the confirmation code; freed seats go to the waiting list at once. */
    async cancel(ctx: RequestContext, code: string): Promise<SignupResult> {
      return audit.transact(ctx, async (trx, record) => {
        const s = await repo.findByCode(code, trx);
        if (!s) throw notFound();
        if (s.status === 'cancelled')
          throw new ApiError('INVALID_TRANSITION', undefined, {
            zh: '该报名已取消',
            en: 'This sign-up is already cancelled',
          });
        const at = nowIso();
        if (!(await repo.setStatus(trx, s.id, s.status, 'cancelled', at))) throw new ApiError('CONFLICT');
        if (s.status === 'confirmed') {
          await repo.releaseSeats(trx, s.event_id, s.group_size);
          await promote(trx, s.event_id, at);
        }
        await record({
          action: 'signup.cancel',
          objectType: 'signup',
          objectId: s.id,
          detail: { eventId: s.event_id, was: s.status },
        });
        return { code, status: 'cancelled' as const, groupSize: s.group_size, eventId: s.event_id };
      });
    },
  };
}
export type SignupsService = ReturnType<typeof createSignupsService>;
