import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '../shared/components/page-header.tsx';
import { RoleTags } from '../shared/components/role-tags.tsx';
import { formatDateTime } from '../shared/format.ts';
import { useI18n } from '../shared/i18n/use-i18n.ts';
import { useMe } from '../shared/session/use-me.ts';
import { TodoBoard } from '../features/notifications/components/todo-board.tsx';
import { NAV_ITEMS } from './nav-items.tsx';

export function HomePage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  if (!me) return null;
  const sections = NAV_ITEMS.filter(
    (n) => n.key !== 'home' && (!n.permission || me.permissions.includes(n.permission)),
  );
  return (
    <>
      <PageHeader title={t('nav.home')} />
      <Card
        data-testid="welcome-card"
        style={{ marginBottom: 16, background: 'linear-gradient(90deg, #e8f5ec, #ffffff)' }}
      >
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('home.welcome', { name: me.name })}
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'unit', label: t('people.unit'), children: me.unitName },
            {
              key: 'roles',
              label: t('people.roles'),
              children: me.roles.length ? <RoleTags roles={me.roles} /> : '—',
            },
            {
              key: 'scope',
              label: t('home.scope'),
              children: t(me.scope === 'bureau' ? 'home.scopeBureau' : 'home.scopeUnit'),
            },
            { key: 'user', label: t('people.username'), children: me.username },
            {
              key: 'expires',
              label: t('home.sessionExpires'),
              children: formatDateTime(me.sessionExpiresAt),
            },
          ]}
        />
      </Card>
      <TodoBoard />
      <Typography.Title level={5}>{t('home.sections')}</Typography.Title>
      {sections.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('home.nothing')}</Typography.Paragraph>
      ) : (
        <Row gutter={[16, 16]}>
          {sections.map((n) => (
            <Col xs={24} sm={12} lg={8} key={n.key}>
              <Link
                to={n.path}
                data-testid={`home-link-${n.key}`}
                style={{ display: 'block', height: '100%' }}
              >
                <Card hoverable size="small" style={{ height: '100%' }}>
                  <Card.Meta
                    avatar={<span style={{ fontSize: 24, color: '#1f8a4c' }}>{n.icon}</span>}
                    title={t(n.label)}
                    description={t(n.description)}
                  />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
