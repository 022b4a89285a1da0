// Every server-state cache key of the console, one factory per domain (TanStack Query's key-factory
// pattern). A mutation invalidates a domain's root (`keys.units.all`) or one entry, never a hand-typed
// array, so a list and the pickers built from the same records refresh together. Lives in shared/
// because features must not import each other, yet a unit change refreshes people and the campaign.
export const keys = {
  activities: {
    all: ['activities'] as const,
    list: (params: object) => ['activities', 'list', params] as const,
    stats: (year: number) => ['activities', 'stats', year] as const,
    board: (year: number) => ['activities', 'board', year] as const,
    signupEvents: ['activities', 'signup-events'] as const,
    signups: (eventId: number) => ['activities', 'signup-events', eventId] as const,
  },
  contest: {
    all: ['contest'] as const,
    list: ['contest', 'list'] as const,
    part: (contestId: number, part: 'schools' | 'works' | 'judges' | 'results') =>
      ['contest', contestId, part] as const,
    sheets: ['contest', 'sheets'] as const,
  },
  inspection: {
    all: ['inspection'] as const,
    runs: (params: object) => ['inspection', 'runs', params] as const,
    run: (id: number) => ['inspection', 'run', id] as const,
    runOfFinding: (id: number) => ['inspection', 'finding', id] as const,
    settings: ['inspection', 'settings'] as const,
    trend: ['inspection', 'trend'] as const,
    bulletins: ['inspection', 'bulletins'] as const,
  },
  media: {
    all: ['media'] as const,
    accounts: (params: object) => ['media', 'accounts', params] as const,
    account: (id: number) => ['media', 'account', id] as const,
    history: (id: number) => ['media', 'account', id, 'history'] as const,
    board: (year: number | undefined) => ['media', 'board', year] as const,
    wci: (month: string) => ['media', 'wci', month] as const,
    unit: (unitId: number, year: number) => ['media', 'unit', unitId, year] as const,
    work: (what: string, params: object) => ['media', 'work', what, params] as const,
  },
  cases: {
    all: ['cases'] as const,
    list: (params: object) => ['cases', 'list', params] as const,
    detail: (id: number) => ['cases', 'detail', id] as const,
    counties: ['cases', 'counties'] as const,
    stats: (month: string | undefined) => ['cases', 'stats', month ?? ''] as const,
    consultations: ['cases', 'consultations'] as const,
    comments: (id: number) => ['cases', 'consultations', id, 'comments'] as const,
    report: (year: number) => ['cases', 'disclosure-report', year] as const,
  },
  me: ['me'] as const,
  auth: { all: ['auth'] as const, loginInfo: ['auth', 'login-info'] as const },
  totp: ['account', 'totp'] as const,
  units: {
    all: ['units'] as const,
    list: (params: object) => ['units', 'list', params] as const,
    options: ['units', 'options'] as const,
  },
  people: { all: ['people'] as const, list: (params: object) => ['people', 'list', params] as const },
  campaign: {
    all: ['campaign'] as const,
    list: ['campaign', 'list'] as const,
    board: (id: number | undefined) => ['campaign', 'board', id] as const,
  },
  audit: { all: ['audit'] as const, list: (params: object) => ['audit', 'list', params] as const },
  outlets: {
    all: ['outlets'] as const,
    active: ['outlets', 'active'] as const,
    admin: (params: object) => ['outlets', 'admin', params] as const,
  },
  submissions: {
    all: ['submissions'] as const,
    list: (params: object) => ['submissions', 'list', params] as const,
    detail: (id: number) => ['submissions', 'detail', id] as const,
    coUnits: ['submissions', 'co-units'] as const,
  },
  assessment: {
    all: ['assessment'] as const,
    plans: ['assessment', 'plans'] as const,
    plan: (id: number | undefined) => ['assessment', 'plan', id] as const,
    ranking: (id: number | undefined, period: object) => ['assessment', 'ranking', id, period] as const,
    trend: (id: number | undefined, group: string | undefined) => ['assessment', 'trend', id, group] as const,
    explanation: (id: number | undefined, unitId: number, period: object) =>
      ['assessment', 'explain', id, unitId, period] as const,
    bulletins: (planId: number | undefined) => ['assessment', 'bulletins', planId] as const,
    interviews: (planId: number | undefined) => ['assessment', 'interviews', planId] as const,
    ownInterviews: ['assessment', 'interviews', 'mine'] as const,
    deductions: (planId: number | undefined) => ['assessment', 'deductions', planId] as const,
    dateCheck: (date: string) => ['assessment', 'date-check', date] as const,
    /** under 'assessment': a rules change refreshes what the submission form offers */
    submissionKinds: ['assessment', 'submission-kinds'] as const,
    planVersion: (id: number, v: number) => ['assessment', 'plan-version', id, v] as const,
    rulesDoc: ['assessment', 'rules-doc'] as const,
  },
  cms: {
    all: ['cms'] as const,
    channels: ['cms', 'channels'] as const,
    articles: (params: object) => ['cms', 'articles', params] as const,
    article: (id: number | null) => ['cms', 'article', id] as const,
    revisions: (id: number | null) => ['cms', 'revisions', id] as const,
    revision: (id: number, revisionId: number | null) => ['cms', 'revision', id, revisionId] as const,
    site: ['cms', 'site'] as const,
    domains: ['cms', 'site', 'domains'] as const,
  },
  environment: {
    all: ['environment'] as const,
    stations: ['environment', 'stations'] as const,
    airNow: ['environment', 'air-now'] as const,
    water: ['environment', 'water'] as const,
    imports: (params: object) => ['environment', 'imports', params] as const,
    dischargers: (params: object) => ['environment', 'dischargers', params] as const,
    discharger: (id: number | null | undefined) => ['environment', 'discharger', id] as const,
    overdue: (asOf: string | undefined) => ['environment', 'overdue', asOf] as const,
    incidents: (params: object) => ['environment', 'incidents', params] as const,
    calendar: (year: number) => ['environment', 'calendar', year] as const,
  },
  guides: { all: ['guides'] as const },
  notifications: {
    all: ['notifications'] as const,
    unread: ['notifications', 'unread'] as const,
    inbox: (params: object) => ['notifications', 'inbox', params] as const,
    todos: ['notifications', 'todos'] as const,
    channels: ['notifications', 'channels'] as const,
    settings: ['notifications', 'settings'] as const,
    deliveries: (params: object) => ['notifications', 'deliveries', params] as const,
  },
};

/** the keys that survive a change of person: who is signed in and the sign-in page's facts */
export const isSessionKey = (key: readonly unknown[]) => key[0] === 'me' || key[0] === 'auth';
