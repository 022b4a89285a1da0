// 意见征集 in the console (decision 146): the drafts with their phase and comment counts; one draft in a
// drawer — its text, period and attachments while it can still change, publish or withdraw it, moderate
// each comment, and after the close day answer each one (adopted / partly / not, with the reason) and
// publish the summary. The server says what each phase allows; the buttons follow it.
import {
  COMMENT_ADOPTION_LABELS,
  COMMENT_ADOPTIONS,
  COMMENT_MODERATION_LABELS,
  CONSULTATION_PHASE_LABELS,
  USUAL_CONSULTATION_DAYS,
  consultationMay,
  type CommentAdoption,
  type Consultation,
  type ConsultationComment,
} from '@greenvoice/common';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { keys } from '../../../shared/api/query-keys.ts';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { DemoTag } from '../../../shared/components/demo-tag.tsx';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { ListPage, ListTable } from '../../../shared/list/list-page.tsx';
import {
  adoptComment,
  createConsultation,
  listComments,
  listConsultations,
  moderateComment,
  removeConsultationFile,
  transitionConsultation,
  updateConsultation,
  uploadConsultationFile,
} from '../api/interaction-api.ts';

const PHASE_COLOR = {
  draft: 'default',
  upcoming: 'blue',
  open: 'green',
  closed: 'orange',
  resultPublished: 'cyan',
  withdrawn: 'default',
} as const;

export function ConsultationsPage() {
  const { pick } = useI18n();
  const navigate = useNavigate();
  const { id } = useParams();
  const list = useQuery({ queryKey: keys.cases.consultations, queryFn: listConsultations });
  return (
    <ListPage
      title={pick({ zh: '意见征集', en: 'Consultations on drafts' })}
      intro={pick({
        zh: '草案向社会公开征求意见：发布、审核意见、逐条答复采纳情况并公布。',
        en: 'Drafts open for public comment: publish, moderate, answer each comment and publish the feedback.',
      })}
      actions={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => navigate('/consultations/new')}
          data-testid="consultation-new"
        >
          {pick({ zh: '新建征集', en: 'New consultation' })}
        </Button>
      }
      error={list.error}
    >
      <ListTable<Consultation>
        testId="consultations-table"
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={false}
        onRow={(r) => ({ onClick: () => navigate(`/consultations/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: pick({ zh: '草案', en: 'Draft' }),
            dataIndex: 'title',
            render: (v: string, r) => (
              <>
                {v}
                <DemoTag show={r.isDemo} />
              </>
            ),
          },
          {
            title: pick({ zh: '状态', en: 'Phase' }),
            dataIndex: 'phase',
            width: 140,
            render: (p: Consultation['phase']) => (
              <Tag color={PHASE_COLOR[p]}>{pick(CONSULTATION_PHASE_LABELS[p])}</Tag>
            ),
          },
          {
            title: pick({ zh: '征集期限', en: 'Period' }),
            width: 200,
            render: (_: unknown, r) => `${r.opensOn} — ${r.closesOn}`,
          },
          {
            title: pick({ zh: '意见（待审）', en: 'Comments (to moderate)' }),
            width: 140,
            render: (_: unknown, r) => `${r.comments.total}（${r.comments.pending}）`,
          },
        ]}
      />
      {id ? (
        <ConsultationDrawer
          id={id === 'new' ? null : Number(id)}
          current={list.data?.find((c) => c.id === Number(id)) ?? null}
          onClose={() => navigate('/consultations')}
          onCreated={(c) => navigate(`/consultations/${c.id}`)}
        />
      ) : null}
    </ListPage>
  );
}

function ConsultationDrawer(props: {
  id: number | null;
  current: Consultation | null;
  onClose: () => void;
  onCreated: (c: Consultation) => void;
}) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const onError = useFormErrors(form);
  const notifyError = useNotifyError();
  const input = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState('');
  const c = props.current;
  const done = (next: Consultation) => {
    void client.invalidateQueries({ queryKey: keys.cases.consultations });
    message.success(pick({ zh: '已保存', en: 'Saved' }));
    return next;
  };
  const save = useMutation({
    mutationFn: (v: { title: string; summary?: string; body: string; opensOn: string; closesOn: string }) =>
      c ? updateConsultation(c.id, { version: c.version, ...v }) : createConsultation(v),
    onSuccess: (next) => {
      done(next);
      if (!c) props.onCreated(next);
    },
    onError,
  });
  const step = useMutation({
    mutationFn: (a: 'publish' | 'withdraw' | 'publishResult') =>
      transitionConsultation(c!.id, {
        version: c!.version,
        action: a,
        ...(a === 'publishResult' ? { resultText: result } : {}),
      }),
    onSuccess: done,
    onError: notifyError,
  });
  const upload = useMutation({
    mutationFn: (f: File) => uploadConsultationFile(c!.id, f),
    onSuccess: done,
    onError: notifyError,
  });
  const remove = useMutation({
    mutationFn: (fileId: number) => removeConsultationFile(c!.id, fileId),
    onSuccess: done,
    onError: notifyError,
  });
  const editable = !c || consultationMay.edit(c.phase);
  return (
    <Drawer
      open
      width={760}
      onClose={props.onClose}
      title={c?.title ?? pick({ zh: '新建意见征集', en: 'New consultation' })}
      data-testid="consultation-drawer"
    >
      {c ? (
        <Space style={{ marginBottom: 12 }} wrap>
          <Tag color={PHASE_COLOR[c.phase]} data-testid="consultation-phase">
            {pick(CONSULTATION_PHASE_LABELS[c.phase])}
          </Tag>
          {consultationMay.publish(c.phase) ? (
            <Button
              type="primary"
              onClick={() => step.mutate('publish')}
              loading={step.isPending}
              data-testid="consultation-publish"
            >
              {pick({ zh: '发布', en: 'Publish' })}
            </Button>
          ) : null}
          {consultationMay.withdraw(c.phase) ? (
            <Popconfirm
              title={pick({ zh: '撤回后不再征集意见', en: 'Withdraw: comments end' })}
              onConfirm={() => step.mutate('withdraw')}
            >
              <Button danger>{pick({ zh: '撤回', en: 'Withdraw' })}</Button>
            </Popconfirm>
          ) : null}
          {c.phase !== 'draft' ? (
            <a href={`/interaction/consultations/${c.id}`} target="_blank" rel="noreferrer">
              {pick({ zh: '在网站上查看', en: 'See it on the portal' })}
            </a>
          ) : null}
        </Space>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        disabled={!editable}
        initialValues={c ?? {}}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="title" label={pick({ zh: '草案名称', en: 'Title' })} rules={[{ required: true }]}>
          <Input maxLength={200} data-testid="consultation-title" />
        </Form.Item>
        <Form.Item name="summary" label={pick({ zh: '说明', en: 'Summary' })}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="body" label={pick({ zh: '草案全文', en: 'The draft' })} rules={[{ required: true }]}>
          <Input.TextArea rows={8} data-testid="consultation-body" />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="opensOn"
            label={pick({ zh: '开始日期', en: 'Opens' })}
            rules={[{ required: true }]}
          >
            <Input type="date" data-testid="consultation-opens" />
          </Form.Item>
          <Form.Item
            name="closesOn"
            label={pick({ zh: '截止日期', en: 'Closes' })}
            rules={[{ required: true }]}
            extra={pick({
              zh: `一般不少于 ${USUAL_CONSULTATION_DAYS} 日`,
              en: `Usually at least ${USUAL_CONSULTATION_DAYS} days`,
            })}
          >
            <Input type="date" data-testid="consultation-closes" />
          </Form.Item>
        </Space>
        {editable ? (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="consultation-save">
            {pick({ zh: '保存', en: 'Save' })}
          </Button>
        ) : null}
      </Form>
      {c ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {pick({ zh: '附件', en: 'Attachments' })}
          </Typography.Title>
          <ul>
            {c.files.map((f) => (
              <li key={f.id}>
                <a href={f.url}>{f.name}</a>{' '}
                {editable ? (
                  <Button size="small" type="link" danger onClick={() => remove.mutate(f.id)}>
                    {pick({ zh: '删除', en: 'Remove' })}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
          {editable ? (
            <>
              <input
                ref={input}
                type="file"
                hidden
                accept=".pdf,.doc,.docx,.xls,.xlsx,.png,.jpg,.jpeg"
                data-testid="consultation-file-input"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  e.target.value = '';
                  if (f) upload.mutate(f);
                }}
              />
              <Button
                size="small"
                icon={<UploadOutlined />}
                loading={upload.isPending}
                onClick={() => input.current?.click()}
              >
                {pick({ zh: '上传附件', en: 'Attach a file' })}
              </Button>
            </>
          ) : null}
          {c.phase !== 'draft' ? <Comments consultation={c} /> : null}
          {consultationMay.publishResult(c.phase) ? (
            <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
              <Typography.Title level={5}>
                {pick({ zh: '意见采纳情况说明', en: 'Summary of the feedback' })}
              </Typography.Title>
              <Input.TextArea
                rows={4}
                value={result}
                onChange={(e) => setResult(e.target.value)}
                data-testid="consultation-result"
              />
              <Button
                type="primary"
                onClick={() => step.mutate('publishResult')}
                loading={step.isPending}
                data-testid="consultation-publish-result"
              >
                {pick({ zh: '公布采纳情况', en: 'Publish the feedback' })}
              </Button>
            </Space>
          ) : c.resultText ? (
            <Typography.Paragraph style={{ marginTop: 16, whiteSpace: 'pre-wrap' }}>
              {c.resultText}
            </Typography.Paragraph>
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}

function Comments({ consultation: c }: { consultation: Consultation }) {
  const { pick } = useI18n();
  const client = useQueryClient();
  const notifyError = useNotifyError();
  const list = useQuery({ queryKey: keys.cases.comments(c.id), queryFn: () => listComments(c.id) });
  const set = (rows: ConsultationComment[]) => {
    client.setQueryData(keys.cases.comments(c.id), rows);
    void client.invalidateQueries({ queryKey: keys.cases.consultations });
  };
  const moderate = useMutation({
    mutationFn: (a: { row: ConsultationComment; moderation: 'shown' | 'hidden' }) =>
      moderateComment(c.id, a.row.id, { version: a.row.version, moderation: a.moderation }),
    onSuccess: set,
    onError: notifyError,
  });
  const adopt = useMutation({
    mutationFn: (a: { row: ConsultationComment; adoption: CommentAdoption; reason: string }) =>
      adoptComment(c.id, a.row.id, { version: a.row.version, adoption: a.adoption, reason: a.reason }),
    onSuccess: set,
    onError: notifyError,
  });
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {pick({ zh: '公众意见', en: 'Comments' })}
      </Typography.Title>
      <ListTable<ConsultationComment>
        testId="consultation-comments"
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          { title: pick({ zh: '编号', en: 'Number' }), dataIndex: 'trackingNumber', width: 170 },
          {
            title: pick({ zh: '意见', en: 'Comment' }),
            dataIndex: 'text',
            render: (v: string, r) => (
              <>
                <div style={{ whiteSpace: 'pre-wrap' }}>{v}</div>
                {r.adoption ? <Typography.Text type="secondary">{r.adoptionReason}</Typography.Text> : null}
              </>
            ),
          },
          {
            title: pick({ zh: '审核', en: 'Moderation' }),
            width: 170,
            render: (_: unknown, r) => (
              <Space direction="vertical" size={4}>
                <Tag data-testid={`comment-moderation-${r.id}`}>
                  {pick(COMMENT_MODERATION_LABELS[r.moderation])}
                </Tag>
                {consultationMay.moderate(c.phase) ? (
                  <Space size={4}>
                    <Button
                      size="small"
                      onClick={() => moderate.mutate({ row: r, moderation: 'shown' })}
                      data-testid={`comment-show-${r.id}`}
                    >
                      {pick({ zh: '公开', en: 'Show' })}
                    </Button>
                    <Button size="small" onClick={() => moderate.mutate({ row: r, moderation: 'hidden' })}>
                      {pick({ zh: '不公开', en: 'Hide' })}
                    </Button>
                  </Space>
                ) : null}
              </Space>
            ),
          },
          ...(consultationMay.adopt(c.phase)
            ? [
                {
                  title: pick({ zh: '采纳情况', en: 'Adoption' }),
                  width: 220,
                  render: (_: unknown, r: ConsultationComment) => (
                    <AdoptionForm
                      row={r}
                      onSubmit={(adoption, reason) => adopt.mutate({ row: r, adoption, reason })}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

function AdoptionForm(props: {
  row: ConsultationComment;
  onSubmit: (a: CommentAdoption, reason: string) => void;
}) {
  const { pick } = useI18n();
  const [adoption, setAdoption] = useState<CommentAdoption | undefined>(props.row.adoption ?? undefined);
  const [reason, setReason] = useState('');
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Select<CommentAdoption>
        size="small"
        value={adoption}
        onChange={setAdoption}
        placeholder={pick({ zh: '是否采纳', en: 'Adopted?' })}
        aria-label={pick({ zh: '是否采纳', en: 'Adopted?' })}
        options={COMMENT_ADOPTIONS.map((a) => ({ value: a, label: pick(COMMENT_ADOPTION_LABELS[a]) }))}
        data-testid={`comment-adoption-${props.row.id}`}
      />
      <Input.TextArea
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={pick({ zh: '理由', en: 'Reason' })}
        aria-label={pick({ zh: '理由', en: 'Reason' })}
        data-testid={`comment-reason-${props.row.id}`}
      />
      <Button
        size="small"
        disabled={!adoption || !reason.trim()}
        onClick={() => props.onSubmit(adoption!, reason.trim())}
        data-testid={`comment-adopt-${props.row.id}`}
      >
        {pick({ zh: '答复', en: 'Answer' })}
      </Button>
    </Space>
  );
}
