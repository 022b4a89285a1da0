// The portal's 活动报名 pages (docs/activities.md "Sign-ups on the portal"): the site's events still open
// for sign-up, one event with its sign-up form, the answer (the confirmation code, or the place on the
// waiting list) and the cancel-by-code form. Plain HTML forms: complete without JavaScript, in the
// elderly mode and at 390 px. The forms post to signup-portal.routes.ts; never cached (seats change).
import type { SignupEvent, SignupResult } from '@greenvoice/common';
import type { SignupsService } from '../../modules/activities/signups.service.ts';
import {
  L,
  formGuards,
  newFormToken,
  problemSummary,
  textField,
  type FormState,
  type LangView,
} from '../cases/case-form-kit.ts';
import { html, type SafeHtml } from '../html.ts';
import { chinaDateTime } from '@greenvoice/common';
import { renderLayout, type PageSpec, type PortalView } from '../layout/layout.ts';
import type { ColumnMeta } from '../layout/meta-tags.ts';
import { idOf, type PageRoute } from '../page-route.ts';
import type { PortalSignups, Rendered } from '../portal-deps.ts';

export const EVENTS_PATH = '/events';
export const CANCEL_PATH = '/events/cancel';
export const BASES_PATH = '/bases';
export type PublicEvent = NonNullable<Awaited<ReturnType<SignupsService['publicEvent']>>>;
export type PublicBase = Awaited<ReturnType<SignupsService['publicBases']>>[number];

const COLUMN: ColumnMeta = {
  name: '活动报名',
  description: '环保设施开放日、宣传活动与环境教育基地参观报名',
  keywords: '活动报名,开放日,环境教育基地',
  type: '互动交流',
};
const KIND: Record<SignupEvent['kind'], { zh: string; en: string }> = {
  openDay: { zh: '开放日', en: 'Open day' },
  event: { zh: '宣传活动', en: 'Event' },
  baseVisit: { zh: '基地参观', en: 'Base visit' },
};

export function signupSpec(v: LangView, title: string, trail: Array<{ label: string; href?: string }> = []) {
  const root = L(v, '活动报名', 'Event sign-ups');
  return {
    title,
    column: COLUMN,
    breadcrumb: [...(title === root ? [] : [{ label: root, href: EVENTS_PATH }]), ...trail, { label: title }],
  } satisfies PageSpec;
}

const seatsLine = (v: LangView, e: SignupEvent) => {
  const free = Math.max(0, e.capacity - e.taken);
  return free > 0
    ? L(v, `剩余名额 ${free} / ${e.capacity}`, `${free} of ${e.capacity} places left`)
    : L(
        v,
        `名额已满（${e.capacity}），可报名候补，已有 ${e.waiting} 组候补`,
        `Full (${e.capacity}); you may join the waiting list (${e.waiting} waiting)`,
      );
};

const LEVEL: Record<PublicBase['level'], { zh: string; en: string }> = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
};
const baseAnchor = (id: number) => `base-${id}`;
/** "基地参观 · 常德市环境教育基地", the base linked to its entry on the bases page */
const kindLine = (v: LangView, e: SignupEvent) =>
  e.baseName
    ? html`${L(v, KIND[e.kind].zh, KIND[e.kind].en)} ·
        <a href="${BASES_PATH}#${baseAnchor(e.baseId!)}">${e.baseName}</a>`
    : L(v, KIND[e.kind].zh, KIND[e.kind].en);

/** 环境教育基地: the site's bases in good standing, each with its visiting slots open for booking. */
export function basesBody(v: LangView, bases: PublicBase[]): SafeHtml {
  return html`<section class="cases signups" aria-labelledby="eb-title">
    <h1 id="eb-title">${L(v, '环境教育基地', 'Environmental education bases')}</h1>
    <p>
      ${L(v, '学校和团体可预约参观环境教育基地：选择时段，填写学校或团体名称和人数。每个时段有名额上限，约满后可报名候补，有人取消后按先后自动递补。', 'Schools and groups book a visit: choose a slot, give the school or group and its size. Each slot has a capacity; when it is full you join its waiting list, which moves up in order when someone cancels.')}
    </p>
    ${
      bases.length
        ? bases.map(
            (b) =>
              html`<article
                id="${baseAnchor(b.id)}"
                class="base"
                style="border:1px solid #e5e5e5;padding:12px;margin-bottom:12px"
              >
                <h2 style="margin:0 0 6px">${b.name}</h2>
                <p style="margin:0 0 6px">
                  ${b.county} ·
                  ${L(v, LEVEL[b.level].zh, LEVEL[b.level].en)}${L(v, '环境教育基地', ' education base')} ·
                  ${L(v, `${b.yearAwarded} 年命名`, `named in ${b.yearAwarded}`)}
                </p>
                ${
                  b.slots.length
                    ? html`<h3 style="margin:6px 0">
                          ${L(v, '可预约的参观时段', 'Visiting slots open for booking')}
                        </h3>
                        <ul style="margin:0;padding-left:1.2em">
                          ${b.slots.map(
                            (e) =>
                              html`<li>
                                <a href="${EVENTS_PATH}/${e.id}">${chinaDateTime(e.startsAt)} ${e.title}</a>
                                · ${seatsLine(v, e)}
                              </li>`,
                          )}
                        </ul>`
                    : html`<p style="margin:0">
                        ${L(v, '暂无开放预约的时段。', 'No visiting slot is open for booking now.')}
                      </p>`
                }
              </article>`,
          )
        : html`<p>${L(v, '本网站目前没有公布的环境教育基地。', 'This site lists no education base yet.')}</p>`
    }
    <p>
      <a href="${EVENTS_PATH}">${L(v, '全部活动报名', 'All event sign-ups')}</a> ·
      <a href="${CANCEL_PATH}">${L(v, '取消预约（凭确认码）', 'Cancel a booking (with its code)')}</a>
    </p>
  </section>`;
}

export function listBody(v: LangView, events: SignupEvent[]): SafeHtml {
  return html`<section class="cases signups" aria-labelledby="su-title">
    <h1 id="su-title">${L(v, '活动报名', 'Event sign-ups')}</h1>
    <p>
      ${L(v, '报名成功后您会得到 8 位确认码，凭确认码可取消报名；名额已满时可报名候补，有人取消后按报名先后自动递补。', 'You get an 8-character confirmation code, the only thing needed to cancel. When an event is full you join its waiting list, which moves up in order when someone cancels.')}
    </p>
    ${
      events.length
        ? html`<ul class="event-list" style="list-style:none;padding:0">
            ${events.map(
              (e) =>
                html`<li style="border:1px solid #e5e5e5;padding:12px;margin-bottom:12px">
                  <h2 style="margin:0 0 6px"><a href="${EVENTS_PATH}/${e.id}">${e.title}</a></h2>
                  <p style="margin:0">
                    ${kindLine(v, e)} · ${chinaDateTime(e.startsAt)} · ${e.place}<br />
                    ${seatsLine(v, e)} · ${L(v, '报名截止', 'Closes')} ${chinaDateTime(e.closesAt)}
                  </p>
                </li>`,
            )}
          </ul>`
        : html`<p>${L(v, '目前没有开放报名的活动。', 'No event is open for sign-up now.')}</p>`
    }
    <p>
      <a href="${BASES_PATH}">${L(v, '环境教育基地参观预约', 'Book a visit to an education base')}</a> ·
      <a href="${CANCEL_PATH}">${L(v, '取消报名（凭确认码）', 'Cancel a sign-up (with its code)')}</a>
    </p>
  </section>`;
}

export function eventBody(v: LangView, e: PublicEvent, s: FormState): SafeHtml {
  return html`<section class="cases case-form" aria-labelledby="ev-title">
    <h1 id="ev-title">${e.title}</h1>
    <dl>
      <dt>${L(v, '类型', 'Kind')}</dt>
      <dd>${kindLine(v, e)}</dd>
      <dt>${L(v, '时间', 'When')}</dt>
      <dd>${chinaDateTime(e.startsAt)}</dd>
      <dt>${L(v, '地点', 'Where')}</dt>
      <dd>${e.place}</dd>
      <dt>${L(v, '报名截止', 'Sign-up closes')}</dt>
      <dd>${chinaDateTime(e.closesAt)}</dd>
      <dt>${L(v, '名额', 'Places')}</dt>
      <dd>${seatsLine(v, e)}</dd>
    </dl>
    ${e.description ? html`<p>${e.description}</p>` : ''}
    ${
      e.open
        ? html`<h2>${L(v, '我要报名', 'Sign up')}</h2>
            <p class="hint">
              ${L(v, '带 * 的为必填项。团体报名请填写人数。', 'Fields marked * are required. For a group, give its size.')}
            </p>
            ${problemSummary(v, s)}
            <form method="post" action="${EVENTS_PATH}/${e.id}" novalidate>
              ${formGuards(v, s)}
              ${textField(v, s, { name: 'name', label: L(v, '姓名或联系人', 'Name or contact person'), max: 60, required: true, autocomplete: 'name' })}
              ${
                e.kind === 'baseVisit'
                  ? textField(v, s, {
                      name: 'organisation',
                      label: L(v, '学校或团体名称', 'School or group'),
                      max: 120,
                      required: true,
                      autocomplete: 'organization',
                    })
                  : textField(v, s, {
                      name: 'organisation',
                      label: L(v, '单位或学校（可不填）', 'School or organisation (optional)'),
                      max: 120,
                      autocomplete: 'organization',
                    })
              }
              ${textField(v, s, { name: 'groupSize', label: L(v, '人数', 'How many people'), max: 3, required: true, type: 'number', hint: L(v, `1 至 ${Math.min(200, e.capacity)} 人`, `1 to ${Math.min(200, e.capacity)}`) })}
              ${textField(v, s, { name: 'mobile', label: L(v, '手机号码（可不填）', 'Mobile (optional)'), max: 30, type: 'tel', autocomplete: 'tel', hint: L(v, '填写手机号码或邮箱，活动前一天提醒您', 'Give a mobile or an e-mail to be reminded the day before') })}
              ${textField(v, s, { name: 'email', label: L(v, '电子邮箱（可不填）', 'E-mail (optional)'), max: 254, type: 'email', autocomplete: 'email' })}
              <div class="form-actions"><button type="submit">${L(v, '提交报名', 'Sign up')}</button></div>
            </form>`
        : html`<p>${L(v, '报名已截止。', 'Sign-up has closed.')}</p>`
    }
  </section>`;
}

export function resultBody(
  v: LangView,
  e: PublicEvent,
  r: SignupResult,
  place: number | null,
  repeated = false,
): SafeHtml {
  return html`<section class="cases receipt" aria-labelledby="rs-title">
    <h1 id="rs-title">
      ${
        r.status === 'confirmed'
          ? L(v, '报名成功', 'You are signed up')
          : r.status === 'waiting'
            ? L(v, '已进入候补名单', 'You are on the waiting list')
            : L(v, '该报名已取消', 'This sign-up is cancelled')
      }
    </h1>
    ${
      repeated
        ? html`<p role="status">
            ${L(v, '这份报名表已经提交过，以下是当时的报名结果（没有重复报名）。', 'This form was already sent: here is the sign-up it made (no second one was made).')}
          </p>`
        : ''
    }
    <p>${e.title} · ${chinaDateTime(e.startsAt)} · ${e.place}</p>
    <p>
      ${L(v, '确认码', 'Confirmation code')}：<strong class="code" style="font-size:1.5em;letter-spacing:2px"
        >${r.code}</strong
      >
    </p>
    ${
      r.status === 'cancelled'
        ? ''
        : r.status === 'waiting'
          ? html`<p>
              ${L(v, `您是候补第 ${place ?? '?'} 位。有人取消后按先后自动递补，可凭确认码在本网站取消。`, `You are number ${place ?? '?'} on the waiting list; it moves up in order when someone cancels.`)}
            </p>`
          : html`<p>${L(v, `已为 ${r.groupSize} 人保留名额。`, `Places are held for ${r.groupSize}.`)}</p>`
    }
    <p>${L(v, '请记下确认码：这是取消报名的唯一凭证。', 'Keep the code: it is the only way to cancel.')}</p>
    <p>
      <a href="${CANCEL_PATH}">${L(v, '取消报名', 'Cancel a sign-up')}</a> ·
      <a href="${EVENTS_PATH}">${L(v, '返回活动报名', 'Back to event sign-ups')}</a>
    </p>
  </section>`;
}

export function cancelBody(v: LangView, s: FormState, done: string | null = null): SafeHtml {
  return html`<section class="cases case-form" aria-labelledby="cn-title">
    <h1 id="cn-title">${L(v, '取消报名', 'Cancel a sign-up')}</h1>
    ${done ? html`<p role="status"><strong>${done}</strong></p>` : ''}
    <p>
      ${L(v, '请输入报名时得到的 8 位确认码。取消后名额自动让给候补者。', 'Give the 8-character code you got when you signed up. The places go to the waiting list.')}
    </p>
    ${problemSummary(v, s)}
    <form method="post" action="${CANCEL_PATH}" novalidate>
      ${formGuards(v, s)}
      ${textField(v, s, { name: 'code', label: L(v, '确认码', 'Confirmation code'), max: 8, required: true, autocomplete: 'off' })}
      <div class="form-actions"><button type="submit">${L(v, '取消报名', 'Cancel the sign-up')}</button></div>
    </form>
    <p><a href="${EVENTS_PATH}">${L(v, '返回活动报名', 'Back to event sign-ups')}</a></p>
  </section>`;
}

export const blankForm = (formToken = ''): FormState => ({
  values: {},
  problems: [],
  formToken,
  challenge: null,
});

const page = (v: PortalView, spec: PageSpec, body: SafeHtml): Rendered => ({
  html: renderLayout(v, spec, body),
  tags: null,
});

/** The three GET pages as entries of the portal's page table; none is cached (seats change). */
export function signupPageRoutes(
  signups: PortalSignups | undefined,
  sitePath: () => Promise<string | null>,
): PageRoute[] {
  if (!signups) return [];
  const never = () => false;
  return [
    {
      pattern: EVENTS_PATH,
      match: /^\/events$/,
      render: async ({ v }) => {
        const path = await sitePath();
        if (path === null) return null;
        return page(
          v,
          signupSpec(v, L(v, '活动报名', 'Event sign-ups')),
          listBody(v, await signups.openEvents(path)),
        );
      },
      canonical: never,
    },
    {
      pattern: BASES_PATH,
      match: /^\/bases$/,
      render: async ({ v }) => {
        const path = await sitePath();
        if (path === null) return null;
        return page(
          v,
          signupSpec(v, L(v, '环境教育基地', 'Environmental education bases')),
          basesBody(v, await signups.publicBases(path)),
        );
      },
      canonical: never,
    },
    {
      pattern: CANCEL_PATH,
      match: /^\/events\/cancel$/,
      render: async ({ v }) =>
        page(v, signupSpec(v, L(v, '取消报名', 'Cancel a sign-up')), cancelBody(v, blankForm())),
      canonical: never,
    },
    {
      pattern: `${EVENTS_PATH}/:id`,
      match: /^\/events\/([^/]+)$/,
      render: async ({ v }, [raw]) => {
        const id = idOf(raw);
        const path = await sitePath();
        const e = id === null || path === null ? null : await signups.publicEvent(id, path);
        // a fresh token per form shown: sending the same form twice makes one sign-up (decision 200)
        return e ? page(v, signupSpec(v, e.title), eventBody(v, e, blankForm(newFormToken()))) : null;
      },
      canonical: never,
    },
  ];
}
