import type { Notification } from '@greenvoice/common';
import { Alert, Badge, Card, Col, Empty, List, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useInbox, useTodos } from '../hooks/use-notifications.ts';

/** The home page's "what waits for me": one card per to-do with its count and link, then the latest unread. */
export function TodoBoard() {
  const { t, pick } = useI18n();
  const todos = useTodos();
  const latest = useInbox({ unreadOnly: true, page: 1, pageSize: 5 });
  const items = todos.data?.items ?? [];
  return (
    <section aria-labelledby="home-todos" style={{ marginBottom: 24 }}>
      <Typography.Title level={5} id="home-todos">
        {t('home.todos')}
      </Typography.Title>
      {todos.data?.failed.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('home.todosFailed', { names: todos.data.failed.join('、') })}
        />
      ) : null}
      {todos.isPending ? (
        <Card loading size="small" />
      ) : items.length === 0 ? (
        <Card size="small" data-testid="todos-none">
          <Typography.Text type="secondary">{t('home.todosNone')}</Typography.Text>
        </Card>
      ) : (
        <Row gutter={[12, 12]} data-testid="todos">
          {items.map((i) => (
            <Col xs={12} sm={8} lg={6} key={i.kind}>
              <Link to={i.link} data-testid={`todo-${i.kind}`} style={{ display: 'block', height: '100%' }}>
                <Card hoverable size="small" style={{ height: '100%' }}>
                  <Statistic title={pick(i.title)} value={i.count} valueStyle={{ color: '#b45309' }} />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
      <Card
        size="small"
        style={{ marginTop: 12 }}
        title={
          <span>
            {t('home.recent')} <Badge count={latest.data?.unread ?? 0} size="small" />
          </span>
        }
        extra={<Link to="/notifications">{t('home.allNotifications')}</Link>}
      >
        <List<Notification>
          size="small"
          loading={latest.isPending}
          dataSource={latest.data?.items ?? []}
          locale={{
            emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notif.empty')} />,
          }}
          renderItem={(n) => (
            <List.Item>
              <List.Item.Meta
                title={n.link ? <Link to={n.link}>{pick(n.title)}</Link> : pick(n.title)}
                description={formatDateTime(n.createdAt)}
              />
            </List.Item>
          )}
        />
      </Card>
    </section>
  );
}
