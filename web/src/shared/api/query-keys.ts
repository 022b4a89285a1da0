// Every server-state cache key of the console, one factory per domain (TanStack Query's key-factory
// pattern). A mutation invalidates a domain's root (`keys.units.all`) or one entry, never a hand-typed
// array, so a list and the pickers built from the same records refresh together. Lives in shared/
// because features must not import each other, yet a unit change refreshes people and the campaign.
export const keys = {
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
  },
  cms: {
    all: ['cms'] as const,
    channels: ['cms', 'channels'] as const,
    articles: (params: object) => ['cms', 'articles', params] as const,
    article: (id: number | null) => ['cms', 'article', id] as const,
    revisions: (id: number | null) => ['cms', 'revisions', id] as const,
    revision: (id: number, revisionId: number | null) => ['cms', 'revision', id, revisionId] as const,
    site: ['cms', 'site'] as const,
  },
  environment: {
    all: ['environment'] as const,
    stations: ['environment', 'stations'] as const,
    airNow: ['environment', 'air-now'] as const,
    water: ['environment', 'water'] as const,
    imports: (page: number) => ['environment', 'imports', page] as const,
    dischargers: (params: object) => ['environment', 'dischargers', params] as const,
    discharger: (id: number | null | undefined) => ['environment', 'discharger', id] as const,
    overdue: (asOf: string | undefined) => ['environment', 'overdue', asOf] as const,
    incidents: (page: number) => ['environment', 'incidents', page] as const,
    calendar: (year: number) => ['environment', 'calendar', year] as const,
  },
};

/** the keys that survive a change of person: who is signed in and the sign-in page's facts */
export const isSessionKey = (key: readonly unknown[]) => key[0] === 'me' || key[0] === 'auth';
