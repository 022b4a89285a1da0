// The new-media matrix's vocabulary (docs/new-media.md): platforms, filing states, interaction-function
// states and account states, with their Chinese and English labels.

export const MEDIA_PLATFORMS = [
  'wechatOfficial',
  'wechatVideo',
  'weibo',
  'douyin',
  'toutiao',
  'other',
] as const;
export type MediaPlatform = (typeof MEDIA_PLATFORMS)[number];
export const MEDIA_PLATFORM_LABELS: Record<MediaPlatform, { zh: string; en: string }> = {
  wechatOfficial: { zh: '微信公众号', en: 'WeChat official account' },
  wechatVideo: { zh: '微信视频号', en: 'WeChat video account' },
  weibo: { zh: '微博', en: 'Weibo' },
  douyin: { zh: '抖音', en: 'Douyin' },
  toutiao: { zh: '今日头条', en: 'Toutiao' },
  other: { zh: '其他', en: 'Other' },
};

export const FILING_STATES = ['filed', 'pending', 'notFiled'] as const;
export type FilingState = (typeof FILING_STATES)[number];
export const FILING_STATE_LABELS: Record<FilingState, { zh: string; en: string }> = {
  filed: { zh: '已备案', en: 'Filed' },
  pending: { zh: '备案中', en: 'Filing pending' },
  notFiled: { zh: '未备案', en: 'Not filed' },
};

/** One interaction function (留言, 自动回复, 菜单): working, present but not working, or not offered. */
export const FUNCTION_STATES = ['working', 'broken', 'absent'] as const;
export type FunctionState = (typeof FUNCTION_STATES)[number];
export const FUNCTION_STATE_LABELS: Record<FunctionState, { zh: string; en: string }> = {
  working: { zh: '正常', en: 'Working' },
  broken: { zh: '失效', en: 'Not working' },
  absent: { zh: '未开通', en: 'Not offered' },
};
export const INTERACTION_FUNCTIONS = ['messages', 'autoReply', 'menu'] as const;
export type InteractionFunction = (typeof INTERACTION_FUNCTIONS)[number];
export const INTERACTION_FUNCTION_LABELS: Record<InteractionFunction, { zh: string; en: string }> = {
  messages: { zh: '留言', en: 'Messages' },
  autoReply: { zh: '自动回复', en: 'Auto-reply' },
  menu: { zh: '菜单', en: 'Menu' },
};

export const ACCOUNT_STATES = ['active', 'stopped', 'deregistered'] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];
export const ACCOUNT_STATE_LABELS: Record<AccountState, { zh: string; en: string }> = {
  active: { zh: '运营中', en: 'Active' },
  stopped: { zh: '已停更', en: 'Stopped' },
  deregistered: { zh: '已注销', en: 'Deregistered' },
};

/** A link an account's QR code may carry: http or https only, no credentials, at most 500 characters. */
export function checkAccountLink(
  link: string,
): { ok: true; url: string } | { ok: false; zh: string; en: string } {
  const t = link.trim();
  let u: URL;
  try {
    u = new URL(t);
  } catch {
    return { ok: false, zh: '链接不是有效的网址', en: 'The link is not a valid URL' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return { ok: false, zh: '链接只能是 http 或 https 网址', en: 'The link must be an http or https URL' };
  if (u.username || u.password)
    return {
      ok: false,
      zh: '链接不能包含用户名或密码',
      en: 'The link must not carry a user name or password',
    };
  if (t.length > 500)
    return { ok: false, zh: '链接过长（最多 500 个字符）', en: 'The link is too long (500 at most)' };
  return { ok: true, url: u.href };
}
