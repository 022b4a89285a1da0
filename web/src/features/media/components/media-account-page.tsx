// One account: its registry record with the QR code, its months in a chart (reads, posts, followers,
// WCI), the metrics import, and the history of changes (docs/new-media.md).
import { UploadOutlined } from '@ant-design/icons';
import {
  ACCOUNT_STATE_LABELS,
  FILING_STATE_LABELS,
  FUNCTION_STATE_LABELS,
  INTERACTION_FUNCTION_LABELS,
  INTERACTION_FUNCTIONS,
  MEDIA_PLATFORM_LABELS,
  type AccountChangeLine,
} from '@greenvoice/common';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { keys } from '../../../shared/api/query-keys.ts';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { ImportProblems, isImportRejected } from '../../../shared/list/import-problems.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { importMetrics, qrUrl } from '../api/media-api.ts';
import { useAccountHistory, useAccountMetrics } from '../hooks/use-media.ts';
import { MediaAccountForm } from './media-account-form.tsx';
import { MediaChart } from './media-chart.tsx';

export function MediaAccountPage() {
  const id = Number(useParams().id);
  const { pick } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  // the refused import's report stays on the page until the next try
  const [importError, setImportError] = useState<unknown>(null);
  const m = useAccountMetrics(id);
  const history = useAccountHistory(id);
  const [editing, setEditing] = useState(false);
  const labels = useMemo(
    () => ({
      reads: pick({ zh: '阅读次数', en: 'Reads' }),
      posts: pick({ zh: '发文篇数（×100）', en: 'Posts (×100)' }),
      followers: pick({ zh: '累积关注', en: 'Followers' }),
      wci: 'WCI',
      summary: pick({
        zh: '逐月阅读、发文、累积关注与 WCI 图（每月数据见下表）',
        en: 'Reads, posts, followers and WCI by month (every month in the table below)',
      }),
    }),
    [pick],
  );
  if (m.error) return <QueryError error={m.error} />;
  const a = m.data?.account;
  return (
    <>
      <PageHeader
        title={a ? `${a.name}` : '…'}
        extra={
          <Space>
            {a && can('media:write') ? (
              <Button onClick={() => setEditing(true)} data-testid="media-account-edit">
                {pick({ zh: '编辑', en: 'Edit' })}
              </Button>
            ) : null}
            <Link to="/media">{pick({ zh: '返回新媒体矩阵', en: 'Back to the matrix' })}</Link>
          </Space>
        }
      />
      {a ? (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={18}>
              <Card>
                <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
                  <Descriptions.Item label={pick({ zh: '单位', en: 'Unit' })}>{a.unitName}</Descriptions.Item>
                  <Descriptions.Item label={pick({ zh: '平台', en: 'Platform' })}>
                    {pick(MEDIA_PLATFORM_LABELS[a.platform])}
                  </Descriptions.Item>
                  <Descriptions.Item label={pick({ zh: '平台账号ID', en: 'Platform id' })}>
                    {a.platformId}
                  </Descriptions.Item>
                  <Descriptions.Item label={pick({ zh: '开通日期', en: 'Opened' })}>
                    {a.openedOn ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={pick({ zh: '备案', en: 'Filing' })}>
                    {pick(FILING_STATE_LABELS[a.filing])} {a.filingNumber ?? ''}
                  </Descriptions.Item>
                  <Descriptions.Item label={pick({ zh: '状态', en: 'State' })}>
                    {pick(ACCOUNT_STATE_LABELS[a.state])} {a.stoppedOn ?? ''} {a.deregisteredOn ?? ''}
                  </Descriptions.Item>
                  <Descriptions.Item label={pick({ zh: '互动功能', en: 'Interaction' })}>
                    {INTERACTION_FUNCTIONS.map((f) => (
                      <Tag
                        key={f}
                        color={
                          a.functions[f] === 'working'
                            ? 'green'
                            : a.functions[f] === 'broken'
                              ? 'red'
                              : 'default'
                        }
                      >
                        {pick(INTERACTION_FUNCTION_LABELS[f])}：{pick(FUNCTION_STATE_LABELS[a.functions[f]])}
                      </Tag>
                    ))}
                  </Descriptions.Item>
                  <Descriptions.Item label={pick({ zh: '运营人员', en: 'Operator' })}>
                    {a.operator ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={pick({ zh: '最近发文', en: 'Last post' })}>
                    {a.lastPostOn ?? '—'}
                  </Descriptions.Item>
                </Descriptions>
                {a.description ? (
                  <Typography.Paragraph type="secondary">{a.description}</Typography.Paragraph>
                ) : null}
              </Card>
            </Col>
            <Col xs={24} md={6}>
              <Card style={{ textAlign: 'center' }}>
                {a.link ? (
                  <img src={qrUrl(a.id)} width={160} height={160} alt={`${a.name}（${a.platformId}）`} />
                ) : (
                  <Typography.Text type="secondary">
                    {pick({ zh: '未登记链接', en: 'No link' })}
                  </Typography.Text>
                )}
              </Card>
            </Col>
          </Row>
          <Card
            title={pick({ zh: '月度数据与传播指数', en: 'Months and WCI' })}
            extra={
              can('media:write') ? (
                <span data-testid="media-metrics-import">
                  <Upload
                    accept=".xlsx,.csv"
                    showUploadList={false}
                    customRequest={async ({ file }) => {
                      try {
                        setImportError(null);
                        const r = await importMetrics(id, file as File);
                        message.success(
                          pick({ zh: `已导入 ${r.imported} 行`, en: `${r.imported} rows imported` }),
                        );
                        void queryClient.invalidateQueries({ queryKey: keys.media.all });
                      } catch (e) {
                        setImportError(e);
                        if (!isImportRejected(e)) notifyError(e);
                      }
                    }}
                  >
                    <Button icon={<UploadOutlined />}>
                      {pick({ zh: '导入后台统计数据', en: 'Import statistics export' })}
                    </Button>
                  </Upload>
                </span>
              ) : null
            }
          >
            <ImportProblems error={importError} testId="media-import-problems" />
            <MediaChart months={m.data!.months} labels={labels} />
            <Table
              size="small"
              rowKey="month"
              pagination={false}
              scroll={{ x: 640 }}
              dataSource={m.data!.months}
              columns={[
                { title: pick({ zh: '月份', en: 'Month' }), dataIndex: 'month' },
                { title: pick({ zh: '发文', en: 'Posts' }), dataIndex: 'posts' },
                { title: pick({ zh: '阅读', en: 'Reads' }), dataIndex: 'reads' },
                { title: pick({ zh: '在看', en: '在看' }), dataIndex: 'zaikan' },
                { title: pick({ zh: '点赞', en: 'Likes' }), dataIndex: 'likes' },
                { title: pick({ zh: '分享', en: 'Shares' }), dataIndex: 'shares' },
                { title: pick({ zh: '净增关注', en: 'Net followers' }), dataIndex: 'followersNet' },
                { title: pick({ zh: '累积关注', en: 'Followers' }), dataIndex: 'followersTotal' },
                {
                  title: 'WCI',
                  dataIndex: 'wci',
                  render: (v: number | null, r: { wciPartial: boolean }) =>
                    v === null
                      ? pick({ zh: '无指数', en: 'no index' })
                      : `${v.toFixed(2)}${r.wciPartial ? '*' : ''}`,
                },
              ]}
            />
          </Card>
          <Card title={pick({ zh: '变更记录', en: 'History' })}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={history.data?.items ?? []}
              columns={[
                {
                  title: pick({ zh: '时间', en: 'When' }),
                  dataIndex: 'changedAt',
                  render: (v: string) => v.slice(0, 16).replace('T', ' '),
                },
                { title: pick({ zh: '操作人', en: 'By' }), dataIndex: 'changedByName' },
                {
                  title: pick({ zh: '变更', en: 'Change' }),
                  dataIndex: 'lines',
                  render: (lines: AccountChangeLine[]) =>
                    lines.map((l) => (
                      <div key={l.field}>
                        {pick(l.label)}
                        {pick({ zh: '：', en: ': ' })}
                        {l.before ? pick(l.before) : '—'} → {l.after ? pick(l.after) : '—'}
                      </div>
                    )),
                },
              ]}
            />
          </Card>
        </Space>
      ) : null}
      {a && editing ? <MediaAccountForm account={a} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
