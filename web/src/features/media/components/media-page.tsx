// 新媒体矩阵: the board (opening deadline, silent and broken accounts), the registry and the monthly WCI
// ranking (docs/new-media.md).
import {
  MEDIA_PLATFORM_LABELS,
  type MediaAccount,
  type MediaBoard,
  type WciRanking,
} from '@greenvoice/common';
import { Card, Col, Input, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useMediaBoard, useWci } from '../hooks/use-media.ts';
import { AccountsTab, Flags } from './media-accounts-tab.tsx';
import { UnitTab } from './media-unit-tab.tsx';
import { WorkNav } from './work-shared.tsx';

const OPENING: Record<MediaBoard['opening'][number]['status'], { zh: string; en: string; color: string }> = {
  onTime: { zh: '按期开通', en: 'On time', color: 'green' },
  late: { zh: '逾期开通', en: 'Late', color: 'orange' },
  missing: { zh: '未开通', en: 'Not opened', color: 'red' },
  pending: { zh: '未到期', en: 'Before the deadline', color: 'blue' },
};

function BoardTab() {
  const { pick } = useI18n();
  const board = useMediaBoard();
  if (board.error) return <QueryError error={board.error} />;
  const b = board.data;
  const count = (s: string) => b?.opening.filter((o) => o.status === s).length ?? 0;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={pick({ zh: '按期开通', en: 'Opened on time' })} value={count('onTime')} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={pick({ zh: '逾期开通', en: 'Opened late' })} value={count('late')} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={pick({ zh: '未开通', en: 'Not opened' })}
              value={count('missing')}
              valueStyle={{ color: '#cf1322' }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic
              title={pick({ zh: '需处理账号', en: 'Accounts flagged' })}
              value={b?.flagged.length ?? 0}
              valueStyle={{ color: '#cf1322' }}
            />
          </Card>
        </Col>
      </Row>
      <Card
        title={pick({ zh: '微信公众号开通期限', en: 'WeChat official account opening deadline' })}
        extra={
          b?.deadline ? (
            <Typography.Text type="secondary">
              {b.deadline.planTitle} · {b.deadline.itemName} · {b.deadline.due}
            </Typography.Text>
          ) : null
        }
      >
        {b && !b.deadline ? (
          <Typography.Text type="secondary">
            {pick({
              zh: '本年度考核方案中没有开通期限项',
              en: 'This year’s plan has no opening-deadline item',
            })}
          </Typography.Text>
        ) : null}
        <Table
          size="small"
          rowKey="unitId"
          loading={board.isLoading}
          pagination={false}
          scroll={{ x: 560 }}
          dataSource={b?.opening ?? []}
          columns={[
            { title: pick({ zh: '单位', en: 'Unit' }), dataIndex: 'unitName' },
            {
              title: pick({ zh: '状态', en: 'Status' }),
              dataIndex: 'status',
              render: (s: keyof typeof OPENING) => <Tag color={OPENING[s].color}>{pick(OPENING[s])}</Tag>,
            },
            {
              title: pick({ zh: '公众号', en: 'Account' }),
              dataIndex: 'accountName',
              render: (v: string | null) => v ?? '—',
            },
            {
              title: pick({ zh: '开通日期', en: 'Opened on' }),
              dataIndex: 'openedOn',
              render: (v: string | null) => v ?? '—',
            },
            {
              title: pick({ zh: '逾期天数', en: 'Days late' }),
              dataIndex: 'daysLate',
              render: (v: number) => (v ? v : ''),
            },
          ]}
        />
      </Card>
      <Card
        title={pick({
          zh: `停更、互动失效与未注销账号（截至 ${b?.today ?? ''}）`,
          en: `Silent, broken and undead accounts (as of ${b?.today ?? ''})`,
        })}
      >
        <Table
          size="small"
          rowKey="id"
          loading={board.isLoading}
          pagination={false}
          scroll={{ x: 720 }}
          dataSource={b?.flagged ?? []}
          columns={[
            { title: pick({ zh: '单位', en: 'Unit' }), dataIndex: 'unitName' },
            {
              title: pick({ zh: '账号', en: 'Account' }),
              render: (_: unknown, a: MediaAccount) => <Link to={`/media/accounts/${a.id}`}>{a.name}</Link>,
            },
            {
              title: pick({ zh: '平台', en: 'Platform' }),
              dataIndex: 'platform',
              render: (p: MediaAccount['platform']) => pick(MEDIA_PLATFORM_LABELS[p]),
            },
            {
              title: pick({ zh: '问题', en: 'Problems' }),
              render: (_: unknown, a: MediaAccount) => <Flags a={a} />,
            },
            {
              title: pick({ zh: '未更新', en: 'Silent' }),
              render: (_: unknown, a: MediaAccount) =>
                a.spell
                  ? pick({
                      zh: `${a.spell.neverPosted ? '开通后从未发文，' : `${a.spell.from} 后`}已 ${a.spell.days} 天`,
                      en: `${a.spell.days} days${a.spell.neverPosted ? ', never posted' : ` since ${a.spell.from}`}`,
                    })
                  : '',
            },
          ]}
        />
      </Card>
    </Space>
  );
}

type Item = WciRanking['items'][number];

function RankingTab() {
  const { pick } = useI18n();
  const [month, setMonth] = useState('2018-12');
  const r = useWci(month);
  const months = Array.from({ length: 12 }, (_, i) => `2018-${String(i + 1).padStart(2, '0')}`);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input
          type="month"
          value={month}
          onChange={(e) => e.target.value && setMonth(e.target.value)}
          style={{ width: 180 }}
          aria-label={pick({ zh: '月份', en: 'Month' })}
          list="media-months"
        />
        <datalist id="media-months">
          {months.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
        <Typography.Text type="secondary">
          {pick({
            zh: `微信传播指数 WCI ${r.data?.version ?? ''}，按 30 天计`,
            en: `WeChat communication index WCI ${r.data?.version ?? ''}, d = 30`,
          })}
        </Typography.Text>
      </Space>
      {r.error ? <QueryError error={r.error} /> : null}
      <Table
        rowKey="accountId"
        size="small"
        loading={r.isLoading}
        pagination={false}
        scroll={{ x: 760 }}
        dataSource={r.data?.items ?? []}
        columns={[
          { title: pick({ zh: '排名', en: 'Rank' }), dataIndex: 'rank', width: 64 },
          {
            title: pick({ zh: '公众号', en: 'Account' }),
            render: (_: unknown, i: Item) => (
              <Link to={`/media/accounts/${i.accountId}`}>{i.accountName}</Link>
            ),
          },
          { title: pick({ zh: '单位', en: 'Unit' }), dataIndex: 'unitName' },
          {
            title: 'WCI',
            dataIndex: 'wci',
            render: (v: number, i: Item) => (
              <b>
                {v.toFixed(2)}
                {i.partial ? '*' : ''}
              </b>
            ),
          },
          { title: pick({ zh: '篇数', en: 'Articles' }), dataIndex: 'articles' },
          { title: pick({ zh: '阅读', en: 'Reads' }), dataIndex: 'reads' },
          {
            title: 'O / A / H / P',
            render: (_: unknown, i: Item) =>
              `${i.overall.toFixed(2)} / ${i.perArticle.toFixed(2)} / ${i.headline.toFixed(2)} / ${i.peak.toFixed(2)}`,
          },
        ]}
      />
      {r.data?.noIndex.length ? (
        <Typography.Text type="secondary">
          {pick({ zh: '本月无发文、无指数：', en: 'No article this month, no index: ' })}
          {r.data.noIndex.map((n) => `${n.accountName}（${n.unitName}）`).join('、')}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

export function MediaPage() {
  const { t, pick } = useI18n();
  return (
    <>
      <PageHeader title={t('nav.media')} />
      <WorkNav />
      <Tabs
        items={[
          { key: 'board', label: pick({ zh: '看板', en: 'Board' }), children: <BoardTab /> },
          { key: 'accounts', label: pick({ zh: '账号台账', en: 'Registry' }), children: <AccountsTab /> },
          { key: 'unit', label: pick({ zh: '单位走势', en: 'Unit trend' }), children: <UnitTab /> },
          {
            key: 'ranking',
            label: pick({ zh: '传播指数排行', en: 'WCI ranking' }),
            children: <RankingTab />,
          },
        ]}
      />
    </>
  );
}
