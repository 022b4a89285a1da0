// Readable names for the action codes the server records. The code itself stays visible (it is what
// the action filter matches), the name is what an auditor scans for.
const ACTIONS: Record<string, { zh: string; en: string }> = {
  'auth.login': { zh: '登录', en: 'Sign-in' },
  'auth.logout': { zh: '退出登录', en: 'Sign-out' },
  'auth.lock': { zh: '账号锁定', en: 'Account locked' },
  'auth.password.change': { zh: '修改密码', en: 'Password changed' },
  'account.resetPassword': { zh: '重置密码', en: 'Password reset' },
  'account.disable': { zh: '停用账号', en: 'Account disabled' },
  'account.enable': { zh: '启用账号', en: 'Account enabled' },
  'account.unlock': { zh: '解除锁定', en: 'Account unlocked' },
  'account.endSessions': { zh: '强制下线', en: 'Sessions ended' },
  'unit.create': { zh: '新建单位', en: 'Unit created' },
  'unit.update': { zh: '修改单位', en: 'Unit changed' },
  'unit.delete': { zh: '删除单位', en: 'Unit deleted' },
  'person.create': { zh: '新增人员', en: 'Person created' },
  'person.update': { zh: '修改人员', en: 'Person changed' },
  'person.update.roles': { zh: '修改人员角色', en: 'Roles changed' },
  'person.delete': { zh: '删除人员', en: 'Person deleted' },
  'person.mobile.reveal': { zh: '查看完整手机号', en: 'Mobile number viewed' },
  'campaign.create': { zh: '新建联络人登记', en: 'Campaign created' },
  'campaign.update': { zh: '修改登记要求', en: 'Campaign changed' },
  'org.import': { zh: '导入单位和人员', en: 'Organisation imported' },
  'org.export': { zh: '导出单位和人员', en: 'Organisation exported' },
  'system.seed-demo': { zh: '载入演示数据', en: 'Demo data loaded' },
};

export function actionLabel(code: string): { zh: string; en: string } | undefined {
  if (code.startsWith('http.')) return { zh: '其他请求', en: 'Other request' };
  return ACTIONS[code];
}
