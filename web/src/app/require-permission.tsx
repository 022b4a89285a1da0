import type { Permission } from '@greenvoice/common';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../shared/i18n/use-i18n.ts';
import { useCan } from '../shared/session/use-me.ts';

/** A page opened by address without the permission says so, rather than showing an empty table. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useI18n();
  const can = useCan();
  if (can(permission)) return children;
  return (
    <Result
      status="403"
      title={t('error.forbiddenTitle')}
      subTitle={t('error.forbiddenText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('nav.home')}</Button>
        </Link>
      }
    />
  );
}
