// The switch between the activities pages (events, the calendar, statistics, the five-into board, sign-ups) and the
// labels of the kinds, targets and audiences, from common so the server's export says the same.
import {
  ACTIVITY_KINDS,
  ACTIVITY_KIND_LABELS,
  AUDIENCE_KINDS,
  AUDIENCE_KIND_LABELS,
  FIVE_INTO_TARGETS,
  FIVE_INTO_TARGET_LABELS,
} from '@greenvoice/common';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';

export function ActivitiesNav() {
  const { pick } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Segmented
      style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
      value={pathname.replace(/^\/admin/, '')}
      onChange={(v) => void navigate(v)}
      options={[
        { value: '/activities', label: pick({ zh: '活动', en: 'Events' }) },
        { value: '/activities/calendar', label: pick({ zh: '日历', en: 'Calendar' }) },
        { value: '/activities/stats', label: pick({ zh: '统计', en: 'Statistics' }) },
        { value: '/activities/five-into', label: pick({ zh: '“五进”达标', en: 'Five-into norm' }) },
        { value: '/activities/signups', label: pick({ zh: '报名', en: 'Sign-ups' }) },
        { value: '/activities/registry', label: pick({ zh: '基地与绿色创建', en: 'Bases and awards' }) },
      ]}
      data-testid="activities-nav"
    />
  );
}

/** An activities page's add button, shown to those who may write (activities:write). */
export function AddButton(props: { label: { zh: string; en: string }; testId: string; onClick: () => void }) {
  const { pick } = useI18n();
  const can = useCan();
  if (!can('activities:write')) return null;
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={props.onClick} data-testid={props.testId}>
      {pick(props.label)}
    </Button>
  );
}

export function useActivityLabels() {
  const { pick } = useI18n();
  const options = <K extends string>(codes: readonly K[], labels: Record<K, { zh: string; en: string }>) =>
    codes.map((c) => ({ value: c, label: pick(labels[c]) }));
  return {
    kinds: options(ACTIVITY_KINDS, ACTIVITY_KIND_LABELS),
    targets: options(FIVE_INTO_TARGETS, FIVE_INTO_TARGET_LABELS),
    audiences: options(AUDIENCE_KINDS, AUDIENCE_KIND_LABELS),
    kind: (k: string) =>
      pick(ACTIVITY_KIND_LABELS[k as keyof typeof ACTIVITY_KIND_LABELS] ?? { zh: k, en: k }),
    target: (k: string | null) =>
      k ? pick(FIVE_INTO_TARGET_LABELS[k as keyof typeof FIVE_INTO_TARGET_LABELS] ?? { zh: k, en: k }) : '—',
  };
}
