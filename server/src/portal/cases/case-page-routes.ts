// The GET pages of 公众参与 as entries of the portal's page table (portal-pages.ts): never cached — each
// form carries its own token, and the letters change with every publication.
import type { CasesService } from '../../modules/cases/cases.service.ts';
import type { InteractionServices } from '../../modules/cases/interaction-services.ts';
import { renderLayout, type PortalView } from '../layout/layout.ts';
import type { Rendered } from '../portal-deps.ts';
import { L, newFormToken, type FormState } from './case-form-kit.ts';
import {
  FORM_PATHS,
  LETTERS_PATH,
  TRACK_PATH,
  caseSpec,
  indexBody,
  infoRequestForm,
  letterBody,
  letterForm,
  lettersBody,
  reportForm,
  trackForm,
} from './case-pages.ts';
import {
  CONSULTATIONS_PATH,
  STATS_PATH,
  consultationBody,
  consultationsBody,
  statsBody,
} from './consultation-pages.ts';

/** 意见征集 (the list and one draft with its comment form) and the monthly statistics */
function consultationPageRoutes(s: Pick<InteractionServices, 'consultations' | 'stats'>): CasePageRoute[] {
  const never = () => false;
  return [
    {
      pattern: CONSULTATIONS_PATH,
      match: /^\/interaction\/consultations$/,
      render: async ({ v }) =>
        page(
          v,
          L(v, '意见征集', 'Consultations on drafts'),
          consultationsBody(v, await s.consultations.published()),
        ),
      canonical: never,
    },
    {
      pattern: `${CONSULTATIONS_PATH}/:id`,
      match: /^\/interaction\/consultations\/([^/]+)$/,
      render: async ({ v }, [raw]) => {
        if (!raw || !/^[1-9]\d{0,8}$/.test(raw)) return null;
        const one = await s.consultations.publishedOne(Number(raw));
        return one ? consultationPage(v, one, one.consultation.phase === 'open' ? emptyForm() : null) : null;
      },
      canonical: never,
    },
    {
      pattern: STATS_PATH,
      match: /^\/interaction\/statistics$/,
      query: ['month'],
      render: async ({ v }, _p, q) => {
        const month = q.get('month');
        if (month !== null && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return null;
        const stats = await s.stats.site(month ?? undefined);
        return stats ? page(v, L(v, '办理情况统计', 'Monthly statistics'), statsBody(v, stats)) : null;
      },
      canonical: never,
    },
  ];
}

/** one consultation's page, with the comment form (fresh, or again with its problems) */
export function consultationPage(
  v: PortalView,
  one: NonNullable<Awaited<ReturnType<InteractionServices['consultations']['publishedOne']>>>,
  form: FormState | null,
): Rendered {
  return {
    html: renderLayout(
      v,
      caseSpec(v, one.consultation.title, [
        { label: L(v, '意见征集', 'Consultations on drafts'), href: CONSULTATIONS_PATH },
      ]),
      consultationBody(v, one.consultation, one.comments, form),
    ),
    tags: null,
  };
}

export const emptyForm = (): FormState => ({
  values: {},
  problems: [],
  formToken: newFormToken(),
  challenge: null,
});
const LETTERS_PER_PAGE = 20;

interface CasePageRoute {
  pattern: string;
  match: RegExp;
  render(ctx: { v: PortalView }, params: string[], query: URLSearchParams): Promise<Rendered | null>;
  canonical(url: string): boolean;
  query?: readonly string[];
}

const page = (v: PortalView, title: string, body: Parameters<typeof renderLayout>[2]): Rendered => ({
  html: renderLayout(v, caseSpec(v, title), body),
  tags: null,
});

export function casePageRoutes(
  cases: CasesService | undefined,
  interaction?: Pick<InteractionServices, 'consultations' | 'stats'>,
): CasePageRoute[] {
  if (!cases) return [];
  const never = () => false;
  const fixed = (path: string, render: (v: PortalView) => Promise<Rendered>): CasePageRoute => ({
    pattern: path,
    match: new RegExp(`^${path.replace(/\//g, '\\/')}$`),
    render: ({ v }) => render(v),
    canonical: never,
  });
  return [
    {
      pattern: '/interaction',
      match: /^\/interaction$/,
      render: async ({ v }) => ({
        html: renderLayout(
          v,
          {
            ...caseSpec(v, L(v, '公众参与', 'Public participation')),
            breadcrumb: [{ label: L(v, '公众参与', 'Public participation') }],
          },
          indexBody(v),
        ),
        tags: null,
      }),
      canonical: never,
    },
    fixed(FORM_PATHS.report, async (v) =>
      page(
        v,
        L(v, '12369环保举报', '12369 report'),
        reportForm(
          v,
          emptyForm(),
          (await cases.counties()).map((c) => c.area),
        ),
      ),
    ),
    fixed(FORM_PATHS.mailbox, async (v) =>
      page(v, L(v, '局长信箱', "Director's mailbox"), letterForm(v, emptyForm(), 'mailbox')),
    ),
    fixed(FORM_PATHS.consultation, async (v) =>
      page(v, L(v, '咨询', 'Consultation'), letterForm(v, emptyForm(), 'consultation')),
    ),
    fixed(FORM_PATHS.infoRequest, async (v) =>
      page(v, L(v, '依申请公开', 'Information request'), infoRequestForm(v, emptyForm())),
    ),
    fixed(TRACK_PATH, async (v) => page(v, L(v, '办理进度查询', 'Follow a case'), trackForm(v, emptyForm()))),
    ...(interaction ? consultationPageRoutes(interaction) : []),
    {
      pattern: LETTERS_PATH,
      match: /^\/interaction\/letters$/,
      query: ['page'],
      render: async ({ v }, _p, q) => {
        const raw = q.get('page') ?? '1';
        if (!/^[1-9]\d{0,4}$/.test(raw)) return null;
        const n = Number(raw);
        const { items, total } = await cases.publishedLetters(n, LETTERS_PER_PAGE);
        const pages = Math.max(1, Math.ceil(total / LETTERS_PER_PAGE));
        if (n > pages) return null;
        return page(v, L(v, '公开答复', 'Published replies'), lettersBody(v, items, n, pages));
      },
      canonical: never,
    },
    {
      pattern: `${LETTERS_PATH}/:id`,
      match: /^\/interaction\/letters\/([^/]+)$/,
      render: async ({ v }, [raw]) => {
        if (!raw || !/^[1-9]\d{0,8}$/.test(raw)) return null;
        const letter = await cases.publishedLetter(Number(raw));
        if (!letter) return null;
        return {
          html: renderLayout(
            v,
            caseSpec(v, letter.subject ?? L(v, '公开答复', 'Published reply'), [
              { label: L(v, '公开答复', 'Published replies'), href: LETTERS_PATH },
            ]),
            letterBody(v, letter),
          ),
          tags: null,
        };
      },
      canonical: never,
    },
  ];
}
