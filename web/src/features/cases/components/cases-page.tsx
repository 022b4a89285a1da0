// 公众诉求办理: the queue (state, kind, time limit) and one case in a drawer with its timeline, its
// limit and exactly the steps the server says this person may take (docs/public-interaction.md).
import {
  ASSIGN_INSTRUCTIONS_MAX,
  INFO_ANSWER_NEEDS_BASIS,
  APPLICANT_TYPE_LABELS,
  INFO_DELIVERY_LABELS,
  INFO_FORM_LABELS,
  ORGANISATION_KIND_LABELS,
  CASE_ACTION_LABELS,
  CASE_KIND_LABELS,
  CASE_KINDS,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  isOneOf,
  redactPersonalDetails,
  INFO_ANSWER_LABELS,
  INFO_ANSWER_TYPES,
  REPORT_CATEGORY_LABELS,
  TIMELINESS,
  TIMELINESS_LABELS,
  WITHHOLD_GROUNDS,
  WITHHOLD_GROUND_LABELS,
  type CaseAction,
  type CaseDetail,
  type CaseKind,
  type CaseStatus,
  type CaseSummary,
  type ReporterIdentity,
} from '@greenvoice/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Tag,
  Timeline,
} from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { keys } from '../../../shared/api/query-keys.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { DemoTag } from '../../../shared/components/demo-tag.tsx';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { ListPage, ListTable, SearchFilter, SelectFilter } from '../../../shared/list/list-page.tsx';
import { ExportButton } from '../../../shared/list/export-button.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import {
  actOnCase,
  counties,
  decideExtension,
  editPublication,
  getCase,
  listCases,
  requestExtension,
  revealReporter,
  withdrawPublication,
} from '../api/cases-api.ts';

const EVENT_LABELS: Record<string, { zh: string; en: string }> = {
  filed: { zh: '登记', en: 'Filed' },
  extensionRequested: { zh: '申请延期', en: 'Extension asked' },
  extensionApproved: { zh: '批准延期', en: 'Extension approved' },
  extensionRefused: { zh: '不批准延期', en: 'Extension refused' },
  rated: { zh: '当事人评价', en: 'Rated' },
  published: { zh: '答复已公开', en: 'Reply published' },
  publicationEdited: { zh: '修改公开内容', en: 'Published text edited' },
  unpublished: { zh: '撤下公开答复', en: 'Taken off the portal' },
  identityErased: { zh: '举报人信息已删除', en: 'Identity erased' },
  assignInstructions: { zh: '转办要求', en: 'Instructions to the county' },
};
const TIMELINESS_COLOR = { onTime: 'green', dueSoon: 'orange', overdue: 'red' } as const;

export function CasesPage() {
  const { t, pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { id } = useParams();
  const paging = useListState<{ q?: string }>({});
  const [statusParam, kindParam, timelinessParam] = ['status', 'kind', 'timeliness'].map((k) =>
    params.get(k),
  );
  const status = isOneOf(CASE_STATUSES, statusParam) ? statusParam : undefined;
  const kind = isOneOf(CASE_KINDS, kindParam) ? kindParam : undefined;
  const timeliness = isOneOf(TIMELINESS, timelinessParam) ? timelinessParam : undefined;
  const extension = params.get('extension') === 'requested' ? ('requested' as const) : undefined;
  const query = { status, kind, timeliness, extension, ...paging.query };
  const list = useQuery({ queryKey: keys.cases.list(query), queryFn: () => listCases(query) });
  const set = (k: string, v: string | undefined) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next);
    paging.setFilters({}); // back to page 1
  };
  return (
    <ListPage
      title={t('nav.cases')}
      actions={<ExportButton href="/api/v1/cases/export.xlsx" filters={query} testId="cases-export" />}
      error={list.error}
      filters={
        <>
          <SelectFilter<CaseStatus>
            testId="cases-status"
            placeholder={t('cases.status')}
            value={status}
            onChange={(v) => set('status', v)}
            options={CASE_STATUSES.map((s) => ({ value: s, label: pick(CASE_STATUS_LABELS[s]) }))}
          />
          <SelectFilter<CaseKind>
            testId="cases-kind"
            placeholder={t('cases.kind')}
            value={kind}
            onChange={(v) => set('kind', v)}
            options={CASE_KINDS.map((k) => ({ value: k, label: pick(CASE_KIND_LABELS[k]) }))}
          />
          <SelectFilter
            testId="cases-timeliness"
            placeholder={t('cases.limit')}
            value={timeliness}
            onChange={(v) => set('timeliness', v)}
            options={TIMELINESS.map((k) => ({
              value: k,
              label: pick(TIMELINESS_LABELS[k]),
            }))}
          />
          <SearchFilter
            testId="cases-search"
            placeholder={t('cases.search')}
            onSearch={(v) => paging.setFilter('q', v)}
          />
        </>
      }
    >
      <ListTable<CaseSummary>
        testId="cases-table"
        size="small"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={paging.pagination(list.data?.total)}
        onRow={(r) => ({
          onClick: () => navigate(`/cases/${r.id}${window.location.search}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          {
            title: t('cases.number'),
            dataIndex: 'trackingNumber',
            width: 190,
            render: (v: string, r) => (
              <a href={`/admin/cases/${r.id}`} onClick={(e) => e.preventDefault()}>
                {v}
              </a>
            ),
          },
          {
            title: t('cases.kind'),
            dataIndex: 'kind',
            width: 120,
            render: (k: CaseKind, r) => (
              <>
                {pick(CASE_KIND_LABELS[k])}
                <DemoTag show={r.isDemo} />
              </>
            ),
          },
          {
            title: t('cases.status'),
            dataIndex: 'status',
            width: 130,
            render: (s: CaseStatus) => pick(CASE_STATUS_LABELS[s]),
          },
          {
            title: pick({ zh: '内容', en: 'What' }),
            render: (_: unknown, r) => (
              <>
                {r.category ? `[${pick(REPORT_CATEGORY_LABELS[r.category])}] ` : ''}
                {r.subject ?? r.excerpt}
              </>
            ),
          },
          {
            title: t('cases.limit'),
            dataIndex: 'dueOn',
            width: 150,
            render: (d: string | null, r) =>
              d ? (
                <Tag color={r.timeliness ? TIMELINESS_COLOR[r.timeliness] : undefined}>
                  {d}
                  {r.extensionState === 'requested' ? ' · 延期待批' : ''}
                </Tag>
              ) : (
                '—'
              ),
          },
          {
            title: t('cases.assigned'),
            dataIndex: 'assignedUnitName',
            width: 160,
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
      {id ? <CaseDrawer id={Number(id)} onClose={() => navigate(`/cases${window.location.search}`)} /> : null}
    </ListPage>
  );
}

function CaseDrawer(props: { id: number; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: keys.cases.detail(props.id), queryFn: () => getCase(props.id) });
  const [reporter, setReporter] = useState<ReporterIdentity | null>(null);
  const [form] = Form.useForm();
  const onError = useFormErrors(form);
  const [action, setAction] = useState<CaseAction | 'extend' | 'publication' | null>(null);
  const c = detail.data;
  const refresh = (d: CaseDetail) => {
    client.setQueryData(keys.cases.detail(props.id), d);
    void client.invalidateQueries({ queryKey: keys.cases.all });
    setAction(null);
    form.resetFields();
    message.success(pick({ zh: '已保存', en: 'Saved' }));
  };
  const step = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      action === 'extend'
        ? requestExtension(props.id, {
            version: c!.version,
            days: Number(values.days),
            reason: String(values.reason ?? ''),
          })
        : action === 'publication'
          ? editPublication(props.id, {
              version: c!.version,
              publishedQuestion: String(values.publishedQuestion ?? ''),
              publishedReply: String(values.publishedReply ?? ''),
            })
          : actOnCase(props.id, { action: action as CaseAction, version: c!.version, ...values }),
    onSuccess: refresh,
    onError,
  });
  const decide = useMutation({
    mutationFn: (approve: boolean) => decideExtension(props.id, { version: c!.version, approve }),
    onSuccess: refresh,
    onError,
  });
  const unpublish = useMutation({
    mutationFn: () => withdrawPublication(props.id, { version: c!.version }),
    onSuccess: refresh,
    onError,
  });
  // what the portal would show: the same mask the server applies, for the handler to review and edit
  const reviewTexts = (reply: string) => ({
    publishedQuestion: redactPersonalDetails(c?.description ?? ''),
    publishedReply: redactPersonalDetails(reply),
  });
  const reveal = useMutation({ mutationFn: () => revealReporter(props.id), onSuccess: setReporter, onError });
  const countyList = useQuery({
    queryKey: keys.cases.counties,
    queryFn: counties,
    enabled: action === 'assign',
  });
  return (
    <Drawer
      open
      width={720}
      onClose={props.onClose}
      title={c ? `${pick(CASE_KIND_LABELS[c.kind])} ${c.trackingNumber}` : ''}
      data-testid="case-drawer"
    >
      {c ? (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('cases.status')}>
              <span data-testid="case-status">{pick(CASE_STATUS_LABELS[c.status])}</span>
            </Descriptions.Item>
            {c.limit ? (
              <Descriptions.Item label={t('cases.limit')}>
                {c.limit.due}（{c.limit.days}
                {c.limit.unit === 'workingDays'
                  ? pick({ zh: '个工作日', en: ' working days' })
                  : pick({ zh: '日', en: ' days' })}
                {c.limit.uncertain ? '，节假日未配置' : ''}）
                {c.extensionState === 'requested'
                  ? ` · ${pick({ zh: '延期待批', en: 'extension requested' })}：${c.extensionRequestDays} — ${c.extensionReason}`
                  : ''}
              </Descriptions.Item>
            ) : null}
            {c.category ? (
              <Descriptions.Item label={pick({ zh: '类别', en: 'Category' })}>
                {pick(REPORT_CATEGORY_LABELS[c.category])}
              </Descriptions.Item>
            ) : null}
            {c.county || c.address ? (
              <Descriptions.Item label={pick({ zh: '地点', en: 'Place' })}>
                {c.county} {c.address}
              </Descriptions.Item>
            ) : null}
            {c.subject ? (
              <Descriptions.Item label={pick({ zh: '标题', en: 'Subject' })}>{c.subject}</Descriptions.Item>
            ) : null}
            <Descriptions.Item label={pick({ zh: '内容', en: 'Text' })}>
              <div style={{ whiteSpace: 'pre-wrap' }}>{c.description}</div>
            </Descriptions.Item>
            {/* what an information request asked for: who applies, in what form, delivered how */}
            {c.applicantType ? (
              <Descriptions.Item label={pick({ zh: '申请人类型', en: 'Applicant' })}>
                <span data-testid="case-applicant-type">
                  {pick(APPLICANT_TYPE_LABELS[c.applicantType])}
                  {c.organisationKind ? `（${pick(ORGANISATION_KIND_LABELS[c.organisationKind])}）` : ''}
                </span>
              </Descriptions.Item>
            ) : null}
            {c.infoForm || c.infoDelivery ? (
              <Descriptions.Item label={pick({ zh: '信息形式与获取方式', en: 'Form and delivery' })}>
                {[
                  c.infoForm ? pick(INFO_FORM_LABELS[c.infoForm]) : null,
                  c.infoDelivery ? pick(INFO_DELIVERY_LABELS[c.infoDelivery]) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Descriptions.Item>
            ) : null}
            {c.assignedUnitName ? (
              <Descriptions.Item label={t('cases.assigned')}>{c.assignedUnitName}</Descriptions.Item>
            ) : null}
            {c.countyResult ? (
              <Descriptions.Item label={pick({ zh: '属地办理结果', en: 'County result' })}>
                <div style={{ whiteSpace: 'pre-wrap' }}>{c.countyResult}</div>
              </Descriptions.Item>
            ) : null}
            {c.replyText ? (
              <Descriptions.Item label={pick({ zh: '答复', en: 'Reply' })}>
                <div style={{ whiteSpace: 'pre-wrap' }}>{c.replyText}</div>
                {c.answerLetter ? (
                  <Button
                    size="small"
                    icon={<FileWordOutlined />}
                    href={`/api/v1/cases/${c.id}/answer-letter.docx`}
                    data-testid="answer-letter"
                    style={{ marginTop: 8 }}
                  >
                    {pick({ zh: '下载答复书（Word）', en: 'Answer letter (Word)' })}
                  </Button>
                ) : null}
              </Descriptions.Item>
            ) : null}
            {c.published ? (
              <Descriptions.Item label={pick({ zh: '网站公开', en: 'On the portal' })}>
                <div data-testid="case-published">
                  <div style={{ whiteSpace: 'pre-wrap' }}>{c.publishedQuestion}</div>
                  <div style={{ whiteSpace: 'pre-wrap', marginTop: 8, color: '#555' }}>
                    {c.publishedReply}
                  </div>
                  <a href={`/interaction/letters/${c.id}`} target="_blank" rel="noreferrer">
                    {pick({ zh: '在网站上查看', en: 'See it on the portal' })}
                  </a>
                </div>
              </Descriptions.Item>
            ) : null}
            {c.rating !== null ? (
              <Descriptions.Item label={pick({ zh: '评价', en: 'Rating' })}>
                {c.rating} / 5 {c.ratingComment}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('cases.reporter')}>
              <span data-testid="case-reporter">
                {c.reporter === 'anonymous' ? (
                  t('cases.anonymous')
                ) : c.reporter === 'withheld' ? (
                  t('cases.withheld')
                ) : c.reporter === 'erased' ? (
                  t('cases.erased')
                ) : reporter ? (
                  [
                    reporter.name,
                    reporter.organisation,
                    reporter.phone,
                    reporter.email,
                    reporter.idNumber,
                    reporter.address,
                  ]
                    .filter(Boolean)
                    .join(' · ')
                ) : (
                  <Button size="small" onClick={() => reveal.mutate()} data-testid="case-reveal">
                    {t('cases.reveal')}
                  </Button>
                )}
              </span>
            </Descriptions.Item>
            {c.photos.length ? (
              <Descriptions.Item label={t('cases.photos')}>
                <Space wrap>
                  {c.photos.map((p) => (
                    <a
                      key={p.id}
                      href={`/api/v1/cases/${c.id}/photos/${p.id}`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      <img
                        src={`/api/v1/cases/${c.id}/photos/${p.id}`}
                        alt={p.fileName}
                        style={{ height: 72, border: '1px solid #ddd' }}
                      />
                    </a>
                  ))}
                </Space>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Space wrap>
            {c.actions.map((a) => (
              <Button
                key={a}
                type={a === 'accept' || a === 'reply' || a === 'countyReply' ? 'primary' : 'default'}
                onClick={() => setAction(a)}
                data-testid={`case-action-${a}`}
              >
                {pick(CASE_ACTION_LABELS[a])}
              </Button>
            ))}
            {c.canEditPublication ? (
              <Button onClick={() => setAction('publication')} data-testid="case-publication-edit">
                {c.published
                  ? pick({ zh: '修改公开内容', en: 'Edit what is published' })
                  : pick({ zh: '在网站公开', en: 'Publish on the portal' })}
              </Button>
            ) : null}
            {c.canEditPublication && c.published ? (
              <Popconfirm
                title={pick({
                  zh: '撤下后网站不再显示该来信和答复',
                  en: 'The portal will no longer show it',
                })}
                onConfirm={() => unpublish.mutate()}
              >
                <Button danger loading={unpublish.isPending} data-testid="case-publication-withdraw">
                  {pick({ zh: '撤下公开', en: 'Take off the portal' })}
                </Button>
              </Popconfirm>
            ) : null}
            {c.canRequestExtension ? (
              <Button onClick={() => setAction('extend')} data-testid="case-action-extend">
                {t('cases.extend')}
              </Button>
            ) : null}
            {c.canDecideExtension ? (
              <>
                <Button
                  type="primary"
                  onClick={() => decide.mutate(true)}
                  data-testid="case-extension-approve"
                >
                  {t('cases.approve')}
                </Button>
                <Button danger onClick={() => decide.mutate(false)}>
                  {t('cases.refuse')}
                </Button>
              </>
            ) : null}
          </Space>
          {action ? (
            <Form
              key={action}
              form={form}
              layout="vertical"
              onFinish={(v) => step.mutate(v)}
              initialValues={
                action !== 'publication'
                  ? undefined
                  : c.published
                    ? { publishedQuestion: c.publishedQuestion, publishedReply: c.publishedReply }
                    : reviewTexts(c.replyText ?? '')
              }
              data-testid="case-step-form"
            >
              {action === 'assign' ? (
                <>
                  <Form.Item name="unitId" label={t('cases.assigned')} rules={[{ required: true }]}>
                    <Select
                      data-testid="case-unit"
                      showSearch={{ optionFilterProp: 'label' }}
                      options={(countyList.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name="instructions"
                    label={t('cases.instructions')}
                    extra={t('cases.instructionsHint')}
                    rules={[{ max: ASSIGN_INSTRUCTIONS_MAX }]}
                  >
                    <Input.TextArea
                      rows={4}
                      maxLength={ASSIGN_INSTRUCTIONS_MAX}
                      showCount
                      data-testid="case-instructions"
                    />
                  </Form.Item>
                </>
              ) : null}
              {action === 'notAccept' ? (
                <>
                  <Form.Item
                    name="reason"
                    label={pick({ zh: '不予受理的理由', en: 'Reason' })}
                    rules={[{ required: true }]}
                  >
                    <Input.TextArea rows={3} />
                  </Form.Item>
                  <Form.Item
                    name="redirectTo"
                    label={pick({ zh: '建议反映的部门', en: 'Where to go instead' })}
                  >
                    <Input />
                  </Form.Item>
                </>
              ) : null}
              {action === 'reply' ? (
                <>
                  {c.kind === 'infoRequest' ? (
                    <>
                      <Form.Item
                        name="answerType"
                        label={pick({ zh: '答复类型', en: 'Answer type' })}
                        rules={[{ required: true }]}
                      >
                        <Select
                          options={INFO_ANSWER_TYPES.map((a) => ({
                            value: a,
                            label: pick(INFO_ANSWER_LABELS[a]),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item noStyle shouldUpdate={(a, b) => a.answerType !== b.answerType}>
                        {({ getFieldValue }) =>
                          getFieldValue('answerType') === 'notDisclosed' ? (
                            <Form.Item
                              name="answerGround"
                              label={pick({ zh: '不予公开的理由类别', en: 'Ground for not disclosing' })}
                              rules={[{ required: true }]}
                            >
                              <Select
                                data-testid="case-answer-ground"
                                options={WITHHOLD_GROUNDS.map((g) => ({
                                  value: g,
                                  label: pick(WITHHOLD_GROUND_LABELS[g]),
                                }))}
                              />
                            </Form.Item>
                          ) : null
                        }
                      </Form.Item>
                      {/* the server refuses these answers without it (条例 art. 36); asked for here first */}
                      <Form.Item noStyle shouldUpdate={(a, b) => a.answerType !== b.answerType}>
                        {({ getFieldValue }) => (
                          <Form.Item
                            name="answerBasis"
                            label={pick({ zh: '依据、负责机关或获取途径', en: 'Basis, agency or where' })}
                            rules={[
                              {
                                required: INFO_ANSWER_NEEDS_BASIS.includes(getFieldValue('answerType')),
                                whitespace: true,
                              },
                            ]}
                          >
                            <Input.TextArea rows={2} data-testid="case-answer-basis" />
                          </Form.Item>
                        )}
                      </Form.Item>
                    </>
                  ) : null}
                  <Form.Item
                    name="reply"
                    label={pick({ zh: '答复内容', en: 'Reply' })}
                    rules={[{ required: true }]}
                  >
                    <Input.TextArea rows={5} data-testid="case-reply" />
                  </Form.Item>
                  {c.publicReplyWanted ? (
                    <>
                      <Form.Item name="publish" valuePropName="checked">
                        <Checkbox
                          onChange={(e) => {
                            if (e.target.checked)
                              form.setFieldsValue(reviewTexts(String(form.getFieldValue('reply') ?? '')));
                          }}
                        >
                          {t('cases.publish')}
                        </Checkbox>
                      </Form.Item>
                      <Form.Item noStyle shouldUpdate={(a, b) => a.publish !== b.publish}>
                        {({ getFieldValue }) => (getFieldValue('publish') ? <PublicationFields /> : null)}
                      </Form.Item>
                    </>
                  ) : null}
                </>
              ) : null}
              {action === 'publication' ? <PublicationFields /> : null}
              {action === 'extend' ? (
                <>
                  <Form.Item
                    name="days"
                    label={`${t('cases.days')}（≤ ${c.maxExtensionDays ?? 0}）`}
                    rules={[{ required: true }]}
                  >
                    <InputNumber min={1} max={c.maxExtensionDays ?? 1} />
                  </Form.Item>
                  <Form.Item name="reason" label={t('cases.reason')} rules={[{ required: true }]}>
                    <Input.TextArea rows={3} />
                  </Form.Item>
                </>
              ) : null}
              {['accept', 'requestCompletion', 'countyReply', 'sendBack', 'recall', 'close'].includes(
                action,
              ) ? (
                <Form.Item
                  name="note"
                  label={t('cases.note')}
                  rules={
                    action === 'countyReply' || action === 'sendBack' || action === 'requestCompletion'
                      ? [{ required: true }]
                      : []
                  }
                >
                  <Input.TextArea rows={4} data-testid="case-note" />
                </Form.Item>
              ) : null}
              <Space>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={step.isPending}
                  data-testid="case-step-submit"
                >
                  {action === 'extend'
                    ? t('cases.extend')
                    : action === 'publication'
                      ? pick({ zh: '保存并公开', en: 'Save and publish' })
                      : pick(CASE_ACTION_LABELS[action])}
                </Button>
                <Button onClick={() => setAction(null)}>{pick({ zh: '取消', en: 'Cancel' })}</Button>
              </Space>
            </Form>
          ) : null}
          <div>
            <h3>{t('cases.timeline')}</h3>
            <Timeline
              items={c.events.map((e) => ({
                children: (
                  <>
                    <div>
                      {formatDateTime(e.at)} ·{' '}
                      {e.action in CASE_ACTION_LABELS
                        ? pick(CASE_ACTION_LABELS[e.action as CaseAction])
                        : pick(EVENT_LABELS[e.action] ?? { zh: e.action, en: e.action })}{' '}
                      {e.unitName ? `· ${e.unitName}` : ''} {e.actorName ? `· ${e.actorName}` : ''}{' '}
                      {e.public ? <Tag>{pick({ zh: '当事人可见', en: 'shown to the person' })}</Tag> : null}
                    </div>
                    {e.note ? <div style={{ whiteSpace: 'pre-wrap', color: '#555' }}>{e.note}</div> : null}
                  </>
                ),
              }))}
            />
          </div>
        </Space>
      ) : null}
    </Drawer>
  );
}

/** The Q&A as the portal will show it, masked for review: the handler reads and edits it before it goes. */
function PublicationFields() {
  const { pick } = useI18n();
  return (
    <>
      <Form.Item
        name="publishedQuestion"
        label={pick({
          zh: '公开的来信内容（已隐去个人信息，请核对）',
          en: 'Question as shown (masked; check it)',
        })}
        rules={[{ required: true }]}
      >
        <Input.TextArea rows={4} data-testid="case-published-question" />
      </Form.Item>
      <Form.Item
        name="publishedReply"
        label={pick({ zh: '公开的答复内容', en: 'Reply as shown' })}
        rules={[{ required: true }]}
      >
        <Input.TextArea rows={4} data-testid="case-published-reply" />
      </Form.Item>
    </>
  );
}
