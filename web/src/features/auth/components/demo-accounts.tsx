import { ROLE_LABELS } from '@greenvoice/common';
import { Alert, Button, Table, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import type { DemoAccount } from '../api/auth-api.ts';

/** The seeded accounts of a demonstration installation, so visitors can try each role. */
export function DemoAccounts({
  accounts,
  onPick,
}: {
  accounts: DemoAccount[];
  onPick: (a: DemoAccount) => void;
}) {
  const { t, pick } = useI18n();
  return (
    <div data-testid="demo-accounts" style={{ marginTop: 24 }}>
      <Alert
        type="warning"
        showIcon
        title={t('login.demoTitle')}
        description={
          <>
            <Typography.Paragraph style={{ marginBottom: 8 }}>{t('login.demoHint')}</Typography.Paragraph>
            <Table<DemoAccount>
              size="small"
              rowKey="username"
              pagination={false}
              dataSource={accounts}
              onRow={(a) => ({ onClick: () => onPick(a), style: { cursor: 'pointer' } })}
              columns={[
                {
                  title: t('login.demoRole'),
                  key: 'role',
                  render: (_, a) => (
                    <>
                      <div>{pick(ROLE_LABELS[a.role])}</div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {a.name}
                      </Typography.Text>
                    </>
                  ),
                },
                { title: t('people.unit'), dataIndex: 'unitName' },
                {
                  title: t('login.username'),
                  dataIndex: 'username',
                  render: (v: string) => <span className="gv-mono">{v}</span>,
                },
                {
                  title: t('login.password'),
                  dataIndex: 'password',
                  render: (v: string) => <span className="gv-mono">{v}</span>,
                },
                {
                  title: '',
                  key: 'fill',
                  render: (_, a) => (
                    <Button
                      size="small"
                      type="link"
                      data-testid={`demo-fill-${a.username}`}
                      onClick={() => onPick(a)}
                    >
                      {t('login.demoFill')}
                    </Button>
                  ),
                },
              ]}
            />
          </>
        }
      />
    </div>
  );
}
