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
