import { DownOutlined, KeyOutlined } from '@ant-design/icons';
import type { Person } from '@greenvoice/common';
import { App, Button, Dropdown, Tooltip, type MenuProps } from 'antd';
import { useState } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import type { DictKey } from '../../../shared/i18n/dictionary.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import type { AccountActionName } from '../api/people-api.ts';
import { useAccountAction } from '../hooks/use-people.ts';
import { isLocked } from './account-state.tsx';
import { TemporaryPasswordModal } from './temporary-password-modal.tsx';

type MenuAction = Exclude<AccountActionName, 'createLogin'>;
const LABEL: Record<MenuAction, DictKey> = {
  resetPassword: 'account.resetPassword',
  disable: 'account.disable',
  enable: 'account.enable',
  unlock: 'account.unlock',
  endSessions: 'account.endSessions',
};
const CONFIRM: Record<MenuAction, DictKey> = {
  resetPassword: 'account.resetPasswordConfirm',
  disable: 'account.disableConfirm',
  enable: 'account.enableConfirm',
  unlock: 'account.unlockConfirm',
  endSessions: 'account.endSessionsConfirm',
};

/** Account administration for one person; every action asks first, and the server audits it. */
export function AccountActions({ person }: { person: Person }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const run = useAccountAction();
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);

  const available: MenuAction[] = [
    'resetPassword',
    person.disabled ? 'enable' : 'disable',
    ...(isLocked(person) ? (['unlock'] as const) : []),
    'endSessions',
  ];
  const items: MenuProps['items'] = available.map((action) => ({
    key: action,
    label: <span data-testid={`account-action-${action}`}>{t(LABEL[action])}</span>,
    danger: action === 'disable',
  }));

  const confirm = (action: MenuAction) =>
    modal.confirm({
      title: t(LABEL[action]),
      content: t(CONFIRM[action], { name: person.name }),
      okText: t('common.confirm'),
      okButtonProps: { danger: action === 'disable' || action === 'resetPassword' },
      onOk: () =>
        run.mutateAsync({ id: person.id, action }).then(
          (result) => {
            if (result.temporaryPassword) setTemporaryPassword(result.temporaryPassword);
            else void message.success(t('common.done'));
          },
          (err: unknown) => notifyError(err),
        ),
    });

  // Shown only for people with an account other than oneself (the server refuses self-administration).
  return (
    <>
      <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => confirm(key as MenuAction) }}>
        <Tooltip title={t('account.actions')}>
          <Button
            type="text"
            size="small"
            aria-label={t('account.actions')}
            data-testid={`account-actions-${person.id}`}
          >
            <KeyOutlined />
            <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Tooltip>
      </Dropdown>
      {temporaryPassword ? (
        <TemporaryPasswordModal
          name={person.name}
          password={temporaryPassword}
          onClose={() => setTemporaryPassword(null)}
        />
      ) : null}
    </>
  );
}
