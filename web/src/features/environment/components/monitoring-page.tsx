import { PlusOutlined } from '@ant-design/icons';
import {
  CONTROL_LEVELS,
  CONTROL_LEVEL_LABELS,
  WATER_CLASSES,
  WATER_STANDARD,
  type AirStation,
  type WaterSection,
  type WaterSectionStatus,
  AirStationInput,
  WaterSectionInput,
} from '@greenvoice/common';
import { Button, Form, Input, Select, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { DemoTag } from '../../../shared/components/demo-tag.tsx';
import { ListPage, ListTable } from '../../../shared/list/list-page.tsx';
import { ExportButton } from '../../../shared/list/export-button.tsx';
import { FormModal } from '../../../shared/forms/form-modal.tsx';
import { schemaRules } from '../../../shared/forms/schema-rules.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import {
  useAirNow,
  useSaveSection,
  useSaveStation,
  useStations,
  useWaterStatus,
} from '../hooks/use-environment.ts';

type Editing<X> = X | null | undefined;

export function MonitoringPage() {
  const { t, pick } = useI18n();
  const canWrite = useCan()('environment:write');
  const stations = useStations();
  const now = useAirNow();
  const latest = new Map((now.data?.items ?? []).map((i) => [i.station.id, i.reading]));
  const water = useWaterStatus();
  const [station, setStation] = useState<Editing<AirStation>>();
  const [section, setSection] = useState<Editing<WaterSection>>();
  const [tab, setTab] = useState<'air' | 'water'>('air');
  const level = (l: AirStation['controlLevel']) => pick(CONTROL_LEVEL_LABELS[l]);

  return (
    <>
      <ListPage
        title={t('env.monitoring')}
        actions={
          <>
            {tab === 'air' ? (
              <ExportButton href="/api/v1/environment/air/now.xlsx" testId="stations-export" />
            ) : (
              <ExportButton href="/api/v1/environment/water/sections.xlsx" testId="sections-export" />
            )}
            {canWrite ? (
              tab === 'air' ? (
                <Button icon={<PlusOutlined />} onClick={() => setStation(null)} data-testid="station-create">
                  {t('env.addStation')}
                </Button>
              ) : (
                <Button icon={<PlusOutlined />} onClick={() => setSection(null)} data-testid="section-create">
                  {t('env.addSection')}
                </Button>
              )
            ) : null}
          </>
        }
        error={stations.error ?? water.error}
      >
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as 'air' | 'water')}
          items={[
            {
              key: 'air',
              label: t('env.airStations'),
              children: (
                <ListTable<AirStation>
                  testId="stations-table"
                  rowKey="id"
                  loading={stations.isLoading}
                  dataSource={stations.data?.items ?? []}
                  pagination={false}
                  columns={[
                    {
                      title: t('env.name'),
                      dataIndex: 'name',
                      width: 200,
                      render: (n: string, s) => (
                        <Space size={4}>
                          {n}
                          <DemoTag show={s.isDemo} />
                        </Space>
                      ),
                    },
                    { title: t('env.code'), dataIndex: 'code', width: 110 },
                    { title: t('env.county'), dataIndex: 'county' },
                    { title: t('env.controlLevel'), dataIndex: 'controlLevel', render: level },
                    {
                      title: t('env.latestAqi'),
                      render: (_, s) => {
                        const r = latest.get(s.id);
                        return r && r.aqi !== null ? (
                          <Space size={4}>
                            <Tag
                              color={r.color ?? undefined}
                              style={{ color: (r.level ?? 0) >= 4 ? '#fff' : '#1f2d24' }}
                            >
                              {r.aqi} {r.category}
                            </Tag>
                            <span style={{ color: '#5b6b60' }}>{r.hour.replace('T', ' ')}</span>
                          </Space>
                        ) : (
                          '—'
                        );
                      },
                    },
                    { title: t('env.address'), dataIndex: 'address', render: (a: string | null) => a ?? '—' },
                    ...(canWrite
                      ? [
                          {
                            title: t('common.actions'),
                            key: 'edit',
                            width: 80,
                            render: (_: unknown, s: AirStation) => (
                              <Button type="link" size="small" onClick={() => setStation(s)}>
                                {t('env.edit')}
                              </Button>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              ),
            },
            {
              key: 'water',
              label: t('env.waterSections'),
              children: (
                <ListTable<WaterSectionStatus>
                  testId="sections-table"
                  rowKey={(r) => r.section.id}
                  loading={water.isLoading}
                  dataSource={water.data?.items ?? []}
                  pagination={false}
                  columns={[
                    {
                      title: t('env.name'),
                      render: (_, r) => (
                        <Space size={4}>
                          {r.section.name}
                          <DemoTag show={r.section.isDemo} />
                        </Space>
                      ),
                    },
                    { title: t('env.river'), render: (_, r) => r.section.river },
                    { title: t('env.basin'), render: (_, r) => r.section.basin },
                    { title: t('env.controlLevel'), render: (_, r) => level(r.section.controlLevel) },
                    { title: t('env.attribute'), render: (_, r) => r.section.attribute ?? '—' },
                    {
                      title: `${t('env.latestClass')} (${water.data?.month ?? '—'})`,
                      render: (_, r) =>
                        r.latest ? (
                          <Tag color={['IV', 'V', '劣V'].includes(r.latest.class) ? 'orange' : 'green'}>
                            {r.latest.class}
                          </Tag>
                        ) : (
                          '—'
                        ),
                    },
                    { title: t('env.lastYear'), render: (_, r) => r.lastYearClass ?? '—' },
                    {
                      title: t('env.limiting'),
                      render: (_, r) =>
                        r.latest?.limitingFactors
                          .filter((f) => f.multipleOfIII !== undefined)
                          .map((f) => `${pick(WATER_STANDARD[f.factor].name)}(${f.multipleOfIII})`)
                          .join('、') || '—',
                    },
                    ...(canWrite
                      ? [
                          {
                            title: t('common.actions'),
                            key: 'edit',
                            width: 80,
                            render: (_: unknown, r: WaterSectionStatus) => (
                              <Button type="link" size="small" onClick={() => setSection(r.section)}>
                                {t('env.edit')}
                              </Button>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              ),
            },
          ]}
        />
      </ListPage>
      {station !== undefined ? (
        <StationModal station={station} onClose={() => setStation(undefined)} />
      ) : null}
      {section !== undefined ? (
        <SectionModal section={section} onClose={() => setSection(undefined)} />
      ) : null}
    </>
  );
}

function useLevelOptions() {
  const { pick } = useI18n();
  return CONTROL_LEVELS.map((v) => ({ value: v, label: pick(CONTROL_LEVEL_LABELS[v]) }));
}

function StationModal({ station, onClose }: { station: AirStation | null; onClose: () => void }) {
  const { t } = useI18n();
  const save = useSaveStation();
  const [form] = Form.useForm();
  const rules = schemaRules(AirStationInput, t);
  return (
    <FormModal
      testId="station"
      title={t(station ? 'env.edit' : 'env.add')}
      form={form}
      initialValues={station ?? { controlLevel: 'city' }}
      saving={save.isPending}
      onClose={onClose}
      save={(v) => save.mutateAsync([station, { ...v, address: v.address || null }])}
    >
      <Form.Item name="code" label={t('env.code')} rules={rules('code')}>
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item name="name" label={t('env.name')} rules={rules('name')}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="county" label={t('env.county')} rules={rules('county')}>
        <Input maxLength={30} />
      </Form.Item>
      <Form.Item name="controlLevel" label={t('env.controlLevel')} rules={rules('controlLevel')}>
        <Select options={useLevelOptions()} />
      </Form.Item>
      <Form.Item name="address" label={t('env.address')}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}

function SectionModal({ section, onClose }: { section: WaterSection | null; onClose: () => void }) {
  const { t } = useI18n();
  const save = useSaveSection();
  const [form] = Form.useForm();
  const rules = schemaRules(WaterSectionInput, t);
  const levels = useLevelOptions();
  return (
    <FormModal
      testId="section"
      title={t(section ? 'env.edit' : 'env.add')}
      form={form}
      initialValues={section ?? { controlLevel: 'provincial', waterbody: 'river' }}
      saving={save.isPending}
      onClose={onClose}
      save={(v) => {
        const { code, name, river, basin, waterbody, county, controlLevel, attribute, targetClass } = v;
        return save.mutateAsync([
          section,
          {
            code,
            name,
            river,
            basin,
            waterbody,
            county,
            controlLevel,
            attribute: attribute || null,
            targetClass: targetClass ?? null,
          },
        ]);
      }}
    >
      <Form.Item name="code" label={t('env.code')} rules={rules('code')}>
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item name="name" label={t('env.name')} rules={rules('name')}>
        <Input maxLength={60} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="river" label={t('env.river')} rules={rules('river')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="basin" label={t('env.basin')} rules={rules('basin')}>
          <Input maxLength={40} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="waterbody" label={t('env.waterbody')} rules={rules('waterbody')}>
          <Select
            style={{ width: 160 }}
            options={[
              { value: 'river', label: t('env.river_') },
              { value: 'lake', label: t('env.lake_') },
            ]}
          />
        </Form.Item>
        <Form.Item name="county" label={t('env.county')} rules={rules('county')}>
          <Input maxLength={30} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="controlLevel" label={t('env.controlLevel')} rules={rules('controlLevel')}>
          <Select style={{ width: 160 }} options={levels} />
        </Form.Item>
        <Form.Item name="attribute" label={t('env.attribute')}>
          <Input maxLength={20} placeholder={t('env.attributeHint')} />
        </Form.Item>
        <Form.Item name="targetClass" label={t('env.targetClass')}>
          <Select
            allowClear
            style={{ width: 120 }}
            options={WATER_CLASSES.map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
