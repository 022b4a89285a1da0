import { CheckOutlined } from '@ant-design/icons';
import type { Notification } from '@greenvoice/common';
import { Badge, Button, Card, Empty, Flex, List, Switch, Typography } from 'antd';
import { Link } from 'react-router';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { useInbox, useMarkAllRead, useMarkRead } from '../hooks/use-notifications.ts';

/** The signed-in person's notifications, newest first: open one (marks it read), or mark all read. */
export function InboxPage() {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const list = useListState<{ unreadOnly?: true }>({});
  const inbox = useInbox(list.query);
  const markAll = useMarkAllRead();
  const unread = inbox.data?.unread ?? 0;

  return (
    <>
      <PageHeader
        title={t('nav.notifications')}
        extra={
          <>
            <Flex align="center" gap={8}>
              <Switch
                checked={!!list.filters.unreadOnly}
                onChange={(v) => list.setFilter('unreadOnly', v || undefined)}
                id="inbox-unread-only"
                data-testid="inbox-unread-only"
              />
              <label htmlFor="inbox-unread-only">{t('notif.unreadOnly')}</label>
            </Flex>
            <Button
              icon={<CheckOutlined />}
              disabled={unread === 0}
              loading={markAll.isPending}
              onClick={() => markAll.mutate(undefined, { onError: notifyError })}
              data-testid="inbox-mark-all"
            >
              {t('notif.markAllRead')}
            </Button>
          </>
        }
      >
        <Typography.Text type="secondary" data-testid="inbox-unread">
          {t('notif.unreadCount', { n: unread })}
        </Typography.Text>
      </PageHeader>
      {inbox.isError ? (
        <QueryError error={inbox.error} />
      ) : (
        <Card size="small">
          <List<Notification>
            loading={inbox.isPending}
            dataSource={inbox.data?.items ?? []}
            locale={{ emptyText: <Empty description={t('notif.empty')} /> }}
            pagination={list.pagination(inbox.data?.total)}
            renderItem={(n) => <InboxItem n={n} />}
            data-testid="inbox-list"
          />
        </Card>
      )}
    </>
  );
}

function InboxItem({ n }: { n: Notification }) {
  const { t, pick } = useI18n();
  const notifyError = useNotifyError();
  const mark = useMarkRead();
  const unread = n.readAt === null;
  const read = () => {
    if (unread) mark.mutate(n.id, { onError: notifyError });
  };
  return (
    <List.Item
      data-testid={`inbox-item-${n.id}`}
      actions={[
        n.link ? (
          <Link key="open" to={n.link} onClick={read}>
            {t('notif.open')}
          </Link>
        ) : null,
        unread ? (
          <Button key="read" type="link" size="small" onClick={read} loading={mark.isPending}>
            {t('notif.markRead')}
          </Button>
        ) : null,
      ].filter(Boolean)}
    >
      <List.Item.Meta
        avatar={
          <Badge
            status={unread ? 'processing' : 'default'}
            aria-label={unread ? t('notif.unread') : undefined}
          />
        }
        title={<span style={{ fontWeight: unread ? 600 : 400 }}>{pick(n.title)}</span>}
        description={
          <>
            {n.body ? <div>{pick(n.body)}</div> : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(n.createdAt)}
            </Typography.Text>
          </>
        }
      />
    </List.Item>
  );
}
