import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useUnreadCount } from '../hooks/use-notifications.ts';

/** The header's bell: the unread count, and the way to the inbox. */
export function UnreadBell() {
  const { t } = useI18n();
  const unread = useUnreadCount().data?.unread ?? 0;
  return (
    <Link to="/notifications" data-testid="header-inbox" aria-label={t('notif.bell', { n: unread })}>
      <Badge count={unread} size="small" overflowCount={99} data-testid="header-unread">
        <Button type="text" icon={<BellOutlined />} tabIndex={-1} aria-hidden />
      </Badge>
    </Link>
  );
}
