import type { Interview } from '@greenvoice/common';
import { Tag, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';

const COLOR: Record<Interview['status'], string> = {
  scheduled: 'red',
  held: 'orange',
  rectified: 'green',
  withdrawn: 'default',
};
const LABEL = {
  scheduled: 'assessment.interview.scheduled',
  held: 'assessment.interview.held',
  rectified: 'assessment.interview.rectified',
  withdrawn: 'assessment.interview.withdrawn',
} as const;

export function InterviewStatusTag({ interview }: { interview: Interview }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={COLOR[interview.status]}>{t(LABEL[interview.status])}</Tag>
      {interview.status === 'withdrawn' && interview.withdrawnReason ? (
        <div>
          <Typography.Text type="secondary">{interview.withdrawnReason}</Typography.Text>
        </div>
      ) : null}
      {interview.rectificationDue && interview.status === 'held' ? (
        <div>
          <Typography.Text type="secondary">→ {interview.rectificationDue}</Typography.Text>
        </div>
      ) : null}
    </>
  );
}

/** 2018-05-10 09:30 · 市局三楼会议室 · 局长 王某某 */
export const scheduleText = (i: Interview) =>
  [i.date && `${i.date} ${i.time ?? ''}`.trim(), i.place, i.interviewer].filter(Boolean).join(' · ') || '—';
