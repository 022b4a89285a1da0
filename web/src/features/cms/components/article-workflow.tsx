// The three-review workflow's buttons: only the actions the server would accept from this person now
// (the article carries them), with a reason for returning and a time for publishing.
import { ARTICLE_ACTION_LABELS, type Article, type ArticleAction } from '@greenvoice/common';
import { App, Button, Card, DatePicker, Input, Modal, Space, Steps, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useTransition } from '../hooks/use-cms.ts';

const STEPS = ['draft', 'submitted', 'reviewed', 'approved', 'published'] as const;

export function ArticleWorkflow({ article }: { article: Article }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const transition = useTransition();
  const [asking, setAsking] = useState<'return' | 'publish' | null>(null);
  const [reason, setReason] = useState('');
  const [publishAt, setPublishAt] = useState<Dayjs | null>(null);

  const run = (action: ArticleAction, extra: { reason?: string; publishAt?: string } = {}) =>
    transition.mutate(
      { article, action, ...extra },
      {
        onSuccess: () => {
          void message.success(t('common.done'));
          setAsking(null);
        },
        onError: notifyError,
      },
    );

  const current = article.status === 'withdrawn' ? 0 : STEPS.indexOf(article.status);
  return (
    <Card size="small" title={t('cms.workflow')} data-testid="article-workflow">
      <Steps
        direction="vertical"
        size="small"
        current={current}
        items={STEPS.map((s) => ({ title: t(`cms.step.${s}`) }))}
      />
      <Typography.Paragraph type="secondary">{t('cms.dutyHint')}</Typography.Paragraph>
      <Space wrap>
        {article.actions.length === 0 ? (
          <Typography.Text type="secondary">{t('cms.noActions')}</Typography.Text>
        ) : null}
        {article.actions.map((a) => (
          <Button
            key={a}
            type={a === 'return' || a === 'withdraw' ? 'default' : 'primary'}
            danger={a === 'return' || a === 'withdraw'}
            loading={transition.isPending && transition.variables?.action === a}
            data-testid={`article-action-${a}`}
            onClick={() => (a === 'return' || a === 'publish' ? setAsking(a) : run(a))}
          >
            {pick(ARTICLE_ACTION_LABELS[a])}
          </Button>
        ))}
      </Space>
      <Modal
        open={asking === 'return'}
        title={pick(ARTICLE_ACTION_LABELS.return)}
        onCancel={() => setAsking(null)}
        okButtonProps={{ disabled: !reason.trim(), 'data-testid': 'return-confirm' }}
        onOk={() => run('return', { reason: reason.trim() })}
      >
        <Input.TextArea
          aria-label={t('cms.returnReason')}
          placeholder={t('cms.returnReason')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          data-testid="return-reason"
        />
      </Modal>
      <Modal
        open={asking === 'publish'}
        title={pick(ARTICLE_ACTION_LABELS.publish)}
        onCancel={() => setAsking(null)}
        okButtonProps={{ 'data-testid': 'publish-confirm' }}
        onOk={() => run('publish', publishAt ? { publishAt: publishAt.toISOString() } : {})}
      >
        <Typography.Paragraph>{t('cms.publishAtHint')}</Typography.Paragraph>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          value={publishAt}
          onChange={setPublishAt}
          placeholder={t('cms.publishNow')}
          style={{ width: '100%' }}
          data-testid="publish-at"
        />
      </Modal>
    </Card>
  );
}
