import { Card, DatePicker, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useOverdue } from '../hooks/use-environment.ts';
import { ObligationsTable } from './discharger-drawer.tsx';

/** Annual reports not published by 15 March and temporary reports past their deadline (Order No. 24: 5
 * working days; an event before 2022-02-08, Order No. 31: 30 days) — the rule column says which. */
export function OverduePage() {
  const { t } = useI18n();
  const [asOf, setAsOf] = useState<string | undefined>();
  const list = useOverdue(asOf);
  return (
    <>
      <PageHeader title={t('env.overdue')} />
      <Card size="small">
        <Space style={{ marginBottom: 12 }}>
          <Typography.Text>{t('env.asOf')}</Typography.Text>
          <DatePicker
            value={asOf ? dayjs(asOf) : null}
            onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
            data-testid="overdue-as-of"
          />
          <Typography.Text type="secondary">{list.data?.asOf}</Typography.Text>
        </Space>
        {list.isError ? <QueryError error={list.error} /> : null}
        <ObligationsTable items={list.data?.items ?? []} showUnit />
      </Card>
    </>
  );
}
