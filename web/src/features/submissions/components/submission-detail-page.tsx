import { FileOutlined } from '@ant-design/icons';
import {
  ACTIVITY_TYPE_LABELS,
  ADOPTION_LEVEL_LABELS,
  INSTRUCTION_LEVEL_LABELS,
  AWARD_RANK_LABELS,
  KIND_FIELDS,
  OUTLET_LEVEL_LABELS,
  OUTLET_MEDIUM_LABELS,
  SUBMISSION_ACTION_LABELS,
  SUBMISSION_KIND_LABELS,
  SUBMISSION_THEME_LABELS,
  type SubmissionAction,
  type SubmissionDetail,
  type SubmissionTheme,
} from '@greenvoice/common';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Image,
  Input,
  Popconfirm,
  Result,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-error.ts';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { evidenceUrl } from '../api/submissions-api.ts';
import {
  useComment,
  useDeleteDraft,
  useSubmission,
  useSubmit,
  useWithdraw,
} from '../hooks/use-submissions.ts';
import { OutcomeModal } from './outcome-modal.tsx';
import { ReviewModal } from './review-modal.tsx';
import { SubmissionFormModal } from './submission-form-modal.tsx';
import { DuplicateList, StatusTag } from './submission-tags.tsx';

/** One submission: every field, its evidence, possible duplicates, the timeline and what one may do now. */
export function SubmissionDetailPage() {
  const { t } = useI18n();
  const id = Number(useParams().id);
  const detail = useSubmission(id);
  if (detail.isLoading) return <Spin />;
  if (isApiError(detail.error) && detail.error.status === 404)
    return (
      <Result
        status="404"
        title={t('submissions.notFound')}
        extra={<Link to="/submissions">{t('nav.submissions')}</Link>}
      />
    );
  if (!detail.data) return <QueryError error={detail.error} />;
  return <Detail s={detail.data} />;
}

function Detail({ s }: { s: SubmissionDetail }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [editing, setEditing] = useState(false);
  const [reviewing, setReviewing] = useState<'approve' | 'return' | 'reject' | null>(null);
  const [recording, setRecording] = useState(false);
  const [comment, setComment] = useState('');
  const navigate = useNavigate();
  const submit = useSubmit();
  const withdraw = useWithdraw();
  const remove = useDeleteDraft();
  const addComment = useComment(s.id);
  const fields = KIND_FIELDS[s.kind];
  const can = (a: SubmissionAction) => s.allowedActions.includes(a);
  const eventLabel = (action: string) =>
    action === 'create'
      ? t('submissions.eventCreate')
      : action === 'comment'
        ? t('submissions.eventComment')
        : action in SUBMISSION_ACTION_LABELS
          ? pick(SUBMISSION_ACTION_LABELS[action as SubmissionAction])
          : action;
  const images = s.evidence.filter((e) => e.mediaType.startsWith('image/'));

  const items = [
    { key: 'kind', label: t('submissions.kind'), children: pick(SUBMISSION_KIND_LABELS[s.kind]) },
    { key: 'status', label: t('submissions.status'), children: <StatusTag status={s.status} /> },
    { key: 'unit', label: t('submissions.unit'), children: s.unitName },
    { key: 'date', label: pick(fields.dateLabel), children: s.date },
    s.outletName && {
      key: 'outlet',
      label: t('submissions.outlet'),
      children: `${s.outletName}（${pick(OUTLET_LEVEL_LABELS[s.outletLevel!])} · ${pick(OUTLET_MEDIUM_LABELS[s.outletMedium!])}）`,
    },
    s.link && {
      key: 'link',
      label: t('submissions.link'),
      children: (
        <a href={s.link} target="_blank" rel="noopener noreferrer nofollow">
          {s.link}
        </a>
      ),
    },
    s.activityType && {
      key: 'activity',
      label: t('submissions.activityType'),
      children:
        pick(ACTIVITY_TYPE_LABELS[s.activityType]) +
        (s.awardRank ? ` · ${pick(AWARD_RANK_LABELS[s.awardRank])}` : ''),
    },
    s.accountName && { key: 'account', label: t('submissions.accountName'), children: s.accountName },
    s.quantity !== null &&
      fields.quantityLabel && { key: 'quantity', label: pick(fields.quantityLabel), children: s.quantity },
    {
      key: 'themes',
      label: t('submissions.themes'),
      children: s.themes.length
        ? s.themes.map((th) => <Tag key={th}>{pick(SUBMISSION_THEME_LABELS[th as SubmissionTheme])}</Tag>)
        : '—',
    },
    s.coUnits.length > 0 && {
      key: 'co',
      label: t('submissions.coUnits'),
      children: s.coUnits.map((u) => u.name).join('、'),
    },
    s.summary && { key: 'summary', label: t('submissions.summary'), children: s.summary, span: 2 },
    s.adoptionLevel && {
      key: 'adoption',
      label: t('submissions.adoptionLevel'),
      children: pick(ADOPTION_LEVEL_LABELS[s.adoptionLevel]),
    },
    s.leaderInstruction && {
      key: 'instruction',
      label: t('submissions.leaderInstruction'),
      children: `${pick(INSTRUCTION_LEVEL_LABELS[s.leaderInstruction])}${s.instructionNote ? `：${s.instructionNote}` : ''}`,
    },
    s.reviewerName && {
      key: 'reviewer',
      label: t('submissions.reviewer'),
      children: `${s.reviewerName} · ${formatDateTime(s.reviewedAt)}`,
    },
    {
      key: 'creator',
      label: t('submissions.createdBy'),
      children: `${s.createdByName} · ${formatDateTime(s.createdAt)}`,
    },
  ].filter((x): x is Exclude<typeof x, false | null | '' | 0> => !!x);

  return (
    <>
      <PageHeader
        title={s.title}
        extra={
          <>
            {can('edit') ? (
              <Button onClick={() => setEditing(true)} data-testid="detail-edit">
                {t('common.edit')}
              </Button>
            ) : null}
            {can('submit') || can('resubmit') ? (
              <Button
                type="primary"
                loading={submit.isPending}
                data-testid="detail-submit"
                onClick={() =>
                  submit.mutate(
                    { id: s.id, version: s.version },
                    {
                      onSuccess: () => void message.success(t('submissions.submitted')),
                      onError: notifyError,
                    },
                  )
                }
              >
                {pick(SUBMISSION_ACTION_LABELS[can('resubmit') ? 'resubmit' : 'submit'])}
              </Button>
            ) : null}
            {can('withdraw') ? (
              <Popconfirm
                title={t('submissions.withdrawConfirm')}
                okButtonProps={{ 'data-testid': 'withdraw-confirm' }}
                onConfirm={() =>
                  withdraw.mutate(
                    { id: s.id, version: s.version },
                    {
                      onSuccess: () => void message.success(t('submissions.withdrawn')),
                      onError: notifyError,
                    },
                  )
                }
              >
                <Button loading={withdraw.isPending} data-testid="detail-withdraw">
                  {pick(SUBMISSION_ACTION_LABELS.withdraw)}
                </Button>
              </Popconfirm>
            ) : null}
            {can('delete') ? (
              <Popconfirm
                title={t('submissions.deleteConfirm')}
                okButtonProps={{ danger: true, 'data-testid': 'delete-confirm' }}
                onConfirm={() =>
                  remove.mutate(
                    { id: s.id, version: s.version },
                    {
                      onSuccess: () => {
                        void message.success(t('submissions.deleted'));
                        void navigate('/submissions');
                      },
                      onError: notifyError,
                    },
                  )
                }
              >
                <Button danger loading={remove.isPending} data-testid="detail-delete">
                  {pick(SUBMISSION_ACTION_LABELS.delete)}
                </Button>
              </Popconfirm>
            ) : null}
            {can('recordOutcome') ? (
              <Button onClick={() => setRecording(true)} data-testid="detail-outcome">
                {pick(SUBMISSION_ACTION_LABELS.recordOutcome)}
              </Button>
            ) : null}
            {can('approve') ? (
              <Button type="primary" onClick={() => setReviewing('approve')} data-testid="detail-approve">
                {pick(SUBMISSION_ACTION_LABELS.approve)}
              </Button>
            ) : null}
            {can('return') ? (
              <Button onClick={() => setReviewing('return')} data-testid="detail-return">
                {pick(SUBMISSION_ACTION_LABELS.return)}
              </Button>
            ) : null}
            {can('reject') ? (
              <Button danger onClick={() => setReviewing('reject')} data-testid="detail-reject">
                {pick(SUBMISSION_ACTION_LABELS.reject)}
              </Button>
            ) : null}
          </>
        }
      />
      {s.reviewReason && (s.status === 'returned' || s.status === 'rejected') ? (
        <Alert
          type={s.status === 'returned' ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 12 }}
          title={t('submissions.reasonShown', { reason: s.reviewReason })}
          data-testid="detail-reason"
        />
      ) : null}
      {s.duplicates.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('submissions.duplicateTitle')}
          description={<DuplicateList duplicates={s.duplicates} />}
          data-testid="detail-duplicates"
        />
      ) : null}
      <Flex gap={16} wrap align="start">
        <Space direction="vertical" size={16} style={{ flex: '2 1 560px', minWidth: 0 }}>
          <Card size="small">
            <Descriptions column={{ xs: 1, md: 2 }} size="small" items={items} data-testid="detail-fields" />
          </Card>
          <Card size="small" title={t('submissions.evidence')} data-testid="detail-evidence">
            {s.evidence.length === 0 ? (
              <Typography.Text type="secondary">{t('submissions.noEvidence')}</Typography.Text>
            ) : null}
            {images.length ? (
              <div style={{ marginBottom: 8 }}>
                <Image.PreviewGroup>
                  <Space wrap>
                    {images.map((e) => (
                      <Image
                        key={e.id}
                        width={120}
                        height={90}
                        style={{ objectFit: 'cover' }}
                        src={evidenceUrl(e.id)}
                        alt={e.fileName}
                      />
                    ))}
                  </Space>
                </Image.PreviewGroup>
              </div>
            ) : null}
            <Flex vertical gap={2}>
              {s.evidence.map((e) => (
                <a key={e.id} href={evidenceUrl(e.id)} download={e.fileName} data-testid={`evidence-${e.id}`}>
                  <FileOutlined /> {e.fileName}{' '}
                  <Typography.Text type="secondary">({Math.ceil(e.size / 1024)} KB)</Typography.Text>
                </a>
              ))}
            </Flex>
          </Card>
        </Space>
        <Card
          size="small"
          title={t('submissions.timeline')}
          style={{ flex: '1 1 320px' }}
          data-testid="detail-timeline"
        >
          <Timeline
            items={s.events.map((ev) => ({
              key: ev.id,
              color:
                ev.action === 'approve'
                  ? 'green'
                  : ev.action === 'reject' || ev.action === 'delete'
                    ? 'red'
                    : ev.action === 'return'
                      ? 'orange'
                      : 'blue',
              children: (
                <>
                  <Typography.Text strong>{eventLabel(ev.action)}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {ev.personName}（{ev.unitName}）· {formatDateTime(ev.at)}
                  </Typography.Text>
                  {ev.text ? <div style={{ whiteSpace: 'pre-wrap' }}>{ev.text}</div> : null}
                </>
              ),
            }))}
          />
          <Input.TextArea
            rows={2}
            maxLength={2000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder={t('submissions.commentPlaceholder')}
            data-testid="comment-input"
          />
          <Button
            style={{ marginTop: 8 }}
            disabled={!comment.trim()}
            loading={addComment.isPending}
            data-testid="comment-send"
            onClick={() =>
              addComment.mutate(comment, { onSuccess: () => setComment(''), onError: notifyError })
            }
          >
            {t('submissions.comment')}
          </Button>
        </Card>
      </Flex>
      {editing ? <SubmissionFormModal submission={s} onClose={() => setEditing(false)} /> : null}
      {recording ? <OutcomeModal submission={s} onClose={() => setRecording(false)} /> : null}
      {reviewing ? (
        <ReviewModal submission={s} initial={reviewing} onClose={() => setReviewing(null)} />
      ) : null}
    </>
  );
}
