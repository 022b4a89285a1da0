import { EditOutlined } from '@ant-design/icons';
import { chinaDate, UNIT_KIND_LABELS, type CampaignBoardRow, type UnitKind } from '@greenvoice/common';
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { ListTable } from '../../../shared/list/list-page.tsx';
import { useLocalPagination } from '../../../shared/list/use-server-pagination.ts';
import { formatDate } from '../../../shared/format.ts';
import type { DictKey } from '../../../shared/i18n/dictionary.ts';
import { ExportButton } from '../../../shared/list/export-button.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import type { BoardStatus } from '../api/campaign-api.ts';
import { useBoard, useCampaigns } from '../hooks/use-campaign.ts';
import { CampaignEditModal } from './campaign-edit-modal.tsx';

type Contact = CampaignBoardRow['officer'];

const STATUS: Record<BoardStatus, { label: DictKey; color: string }> = {
  done: { label: 'campaign.status.done', color: 'green' },
  late: { label: 'campaign.status.late', color: 'orange' },
  pending: { label: 'campaign.status.pending', color: 'blue' },
  overdue: { label: 'campaign.status.overdue', color: 'red' },
};
const STATUS_ORDER: BoardStatus[] = ['overdue', 'pending', 'late', 'done'];

export function CampaignPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const campaigns = useCampaigns();
  const [selectedId, setSelectedId] = useState<number | undefined>();
  const campaignId = selectedId ?? campaigns.data?.items[0]?.id;
  const board = useBoard(campaignId);
  const [status, setStatus] = useState<BoardStatus | undefined>();
  const [kind, setKind] = useState<UnitKind | undefined>();
  const [editing, setEditing] = useState(false);
  const pages = useLocalPagination(50);

  const data = board.data;
  const rows = (data?.rows ?? []).filter(
    (r) => (!status || r.status === status) && (!kind || r.kind === kind),
  );
  const kinds = [...new Set((data?.rows ?? []).map((r) => r.kind))];
  const today = chinaDate(new Date().toISOString());
  const daysLeft = data ? dayjs(data.campaign.deadline).diff(dayjs(today), 'day') : 0;

  const contact = (c: Contact) =>
    c ? (
      <div>
        <Typography.Text strong>{c.name}</Typography.Text>{' '}
        <Typography.Text type="secondary">{c.mobileMasked ?? ''}</Typography.Text>
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('campaign.namedAt', { date: formatDate(c.namedAt) })}
          </Typography.Text>
        </div>
      </div>
    ) : (
      <Typography.Text type="secondary">{t('campaign.notNamed')}</Typography.Text>
    );

  const columns: TableColumnsType<CampaignBoardRow> = [
    { title: t('campaign.unit'), dataIndex: 'unitName', width: 200 },
    {
      title: t('campaign.group'),
      dataIndex: 'kind',
      width: 170,
      render: (k: UnitKind) => pick(UNIT_KIND_LABELS[k]),
    },
    { title: t('campaign.deputyLeader'), dataIndex: 'deputyLeader', render: contact },
    { title: t('campaign.officer'), dataIndex: 'officer', render: contact },
    {
      title: t('campaign.status'),
      dataIndex: 'status',
      width: 140,
      sorter: (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status),
      render: (s: BoardStatus) => (
        <Tag color={STATUS[s].color} data-testid={`campaign-status-${s}`}>
          {t(STATUS[s].label)}
        </Tag>
      ),
    },
  ];

  if (campaigns.data && campaigns.data.items.length === 0) {
    return (
      <>
        <PageHeader title={t('nav.campaign')} />
        <Card>
          <Empty description={t('campaign.none')} />
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t('nav.campaign')}
        extra={
          <>
            {(campaigns.data?.items.length ?? 0) > 1 ? (
              <Select<number>
                style={{ width: 260 }}
                value={campaignId}
                onChange={setSelectedId}
                options={campaigns.data?.items.map((c) => ({ value: c.id, label: c.title }))}
                data-testid="campaign-select"
              />
            ) : null}
            {data ? (
              <ExportButton
                href={`/api/v1/campaigns/${data.campaign.id}/board.xlsx`}
                testId="campaign-export"
              />
            ) : null}
            {can('campaign:write') && data ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="campaign-edit">
                {t('campaign.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <QueryError error={campaigns.error ?? board.error} />
      {data ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }}>
            <Space orientation="vertical" size={0}>
              <Typography.Title level={5} style={{ margin: 0 }} data-testid="campaign-title">
                {data.campaign.title}
              </Typography.Title>
              <Typography.Text type="secondary">{t('campaign.intro')}</Typography.Text>
            </Space>
            <Space orientation="vertical" size={0} style={{ textAlign: 'right' }}>
              <Typography.Text strong data-testid="campaign-deadline">
                {t('campaign.deadlineIs', { date: data.campaign.deadline })}
              </Typography.Text>
              {daysLeft >= 0 ? (
                <Typography.Text type="secondary">
                  {t('campaign.daysLeft', { days: daysLeft })}
                </Typography.Text>
              ) : (
                <Typography.Text type="danger">{t('campaign.closed')}</Typography.Text>
              )}
            </Space>
          </Flex>
          <Row gutter={[16, 12]} data-testid="campaign-summary">
            <Col xs={12} sm={8} md={4}>
              <Statistic title={t('campaign.total')} value={data.summary.total} />
            </Col>
            {(['done', 'late', 'pending', 'overdue'] as const).map((s) => (
              <Col xs={12} sm={8} md={5} key={s}>
                <Statistic
                  title={
                    <Space size={4}>
                      <Tag color={STATUS[s].color} style={{ marginInlineEnd: 0 }}>
                        {t(STATUS[s].label)}
                      </Tag>
                    </Space>
                  }
                  value={data.summary[s]}
                  suffix={
                    data.summary.total > 0 ? (
                      <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                        / {data.summary.total}
                      </Typography.Text>
                    ) : null
                  }
                />
              </Col>
            ))}
          </Row>
        </Card>
      ) : null}
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select<BoardStatus>
            allowClear
            placeholder={t('campaign.statusFilter')}
            aria-label={t('campaign.statusFilter')}
            style={{ width: 180 }}
            value={status}
            onChange={setStatus}
            options={(Object.keys(STATUS) as BoardStatus[]).map((s) => ({
              value: s,
              label: t(STATUS[s].label),
            }))}
            data-testid="campaign-status-filter"
          />
          <Select<UnitKind>
            allowClear
            placeholder={t('campaign.kindFilter')}
            aria-label={t('campaign.kindFilter')}
            style={{ width: 200 }}
            value={kind}
            onChange={setKind}
            options={kinds.map((k) => ({ value: k, label: pick(UNIT_KIND_LABELS[k]) }))}
            data-testid="campaign-kind-filter"
          />
        </Flex>
        <ListTable<CampaignBoardRow>
          testId="campaign-table"
          rowKey="unitId"
          columns={columns}
          dataSource={rows}
          loading={campaigns.isLoading || board.isLoading}
          rowClassName={(r) => (r.status === 'overdue' ? 'gv-row-overdue' : '')}
          pagination={pages}
        />
      </Card>
      {editing && data ? (
        <CampaignEditModal campaign={data.campaign} onClose={() => setEditing(false)} />
      ) : null}
    </>
  );
}
