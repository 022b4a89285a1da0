// Portal channel kinds (docs/requirements.md capability 7). The kind decides the meta tag ColumnType and how
// stale a channel may grow before the national inspection flags it (docs/standards.md).
export const CHANNEL_KINDS = [
  'news',
  'notice',
  'policy',
  'disclosure',
  'data',
  'participation',
  'media',
  'special',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const CHANNEL_KIND_LABELS: Record<ChannelKind, { zh: string; en: string }> = {
  news: { zh: '动态类', en: 'News' },
  notice: { zh: '通知公告类', en: 'Notices' },
  policy: { zh: '政策文件类', en: 'Policies' },
  disclosure: { zh: '信息公开类', en: 'Disclosure' },
  data: { zh: '数据类', en: 'Data' },
  participation: { zh: '互动类', en: 'Participation' },
  media: { zh: '新媒体类', en: 'New media' },
  special: { zh: '专题专栏', en: 'Special column' },
};

/** A channel code is its address on the portal: /channels/<code>. */
export const CHANNEL_CODE_PATTERN = '^[a-z][a-z0-9-]{1,31}$';

/**
 * The environmental data the portal shows, as the change feed names it: a change of one topic empties
 * exactly the pages showing that data, on every app server (decision 100).
 */
export const PORTAL_TOPICS = ['air', 'water', 'enterprises', 'incidents'] as const;
export type PortalTopic = (typeof PORTAL_TOPICS)[number];

/**
 * A channel may also be a data page (decision 101): 环境质量 shows air and water, 企业环境信息 the key
 * discharging units, 突发环境事件 the incident releases, 开放数据 the data sets — with the channel's
 * articles, if it has any, listed below. A data channel is shown in the bar even without articles.
 */
export const CHANNEL_DATA_PAGES = ['quality', 'enterprises', 'incidents', 'open-data'] as const;
export type ChannelDataPage = (typeof CHANNEL_DATA_PAGES)[number];
export const CHANNEL_DATA_PAGE_LABELS: Record<ChannelDataPage, { zh: string; en: string }> = {
  quality: { zh: '环境质量（空气、地表水）', en: 'Environmental quality (air, water)' },
  enterprises: { zh: '重点排污单位环境信息', en: 'Key discharging units' },
  incidents: { zh: '突发环境事件', en: 'Environmental incidents' },
  'open-data': { zh: '开放数据', en: 'Open data' },
};
