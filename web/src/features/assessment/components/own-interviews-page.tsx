// A unit's own interview notices: what its deputy leader (分管领导) reads once the bureau confirms one.
import { FileWordOutlined } from '@ant-design/icons';
import type { Interview } from '@greenvoice/common';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Space, Typography } from 'antd';
import { keys } from '../../../shared/api/query-keys.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { ownInterviews } from '../api/assessment-api.ts';
import { InterviewStatusTag, scheduleText } from './interview-status.tsx';

export function OwnInterviewsPage() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: keys.assessment.ownInterviews, queryFn: ownInterviews });
  return (
    <>
      <PageHeader title={t('assessment.ownInterviews')}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('assessment.ownInterviewsIntro')}
        </Typography.Paragraph>
      </PageHeader>
      <QueryError error={list.error} />
      {list.data && list.data.items.length === 0 ? <Empty /> : null}
      <Space direction="vertical" style={{ width: '100%' }}>
        {list.data?.items.map((i: Interview & { planTitle: string }) => (
          <Card
            key={i.id}
            size="small"
            title={`${i.docNumber} ${i.planTitle}`}
            extra={
              <Button
                size="small"
                icon={<FileWordOutlined />}
                href={`/api/v1/interviews/${i.id}/notice.docx`}
              >
                {t('assessment.notice')}
              </Button>
            }
          >
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('assessment.status')}>
                <InterviewStatusTag interview={i} />
              </Descriptions.Item>
              <Descriptions.Item label={t('assessment.schedule')}>{scheduleText(i)}</Descriptions.Item>
              <Descriptions.Item label={t('assessment.reason')}>{i.reason}</Descriptions.Item>
              {i.rectification ? (
                <Descriptions.Item label={t('assessment.rectification')}>
                  {i.rectification}（{i.rectificationDue}）
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
        ))}
      </Space>
    </>
  );
}
