import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CalendarDayKind, WorkingCalendarYear } from '@greenvoice/common';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useCalendar, usePutCalendar } from '../hooks/use-environment.ts';

interface Row {
  key: number;
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/** A year's holidays and worked weekend days (调休), edited as a list and saved whole. */
export function CalendarPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(2018);
  const cal = useCalendar(year);
  return (
    <>
      <PageHeader title={t('env.calendar')} />
      <Card size="small">
        <Typography.Paragraph type="secondary">{t('env.calendarHint')}</Typography.Paragraph>
        <InputNumber
          aria-label={t('env.calendarYear')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
          data-testid="calendar-year"
          style={{ marginBottom: 12 }}
        />
        {cal.data ? (
          // keyed: a fresh editor (and fresh rows) for each year and each saved version
          <CalendarEditor key={`${year}-${cal.data.version}`} calendar={cal.data} />
        ) : null}
      </Card>
    </>
  );
}

function CalendarEditor({ calendar }: { calendar: WorkingCalendarYear }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const canWrite = useCan()('calendar:write');
  const put = usePutCalendar();
  const year = calendar.year;
  const [rows, setRows] = useState<Row[]>(() => calendar.days.map((d, i) => ({ key: i, ...d })));
  const update = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <>
      {canWrite ? (
        <Space style={{ marginBottom: 12, marginLeft: 8 }}>
          <Button
            icon={<PlusOutlined />}
            onClick={() =>
              setRows((rs) => [...rs, { key: Date.now(), date: `${year}-01-01`, kind: 'holiday', name: '' }])
            }
          >
            {t('env.addDay')}
          </Button>
          <Button
            type="primary"
            loading={put.isPending}
            data-testid="calendar-save"
            onClick={() =>
              put
                .mutateAsync([
                  year,
                  {
                    version: calendar.version,
                    days: rows.map(({ date, kind, name }) => ({
                      date,
                      kind,
                      name: name || t(kind === 'holiday' ? 'env.holiday' : 'env.workday'),
                    })),
                  },
                ])
                .then(() => void message.success(t('env.saved')), notifyError)
            }
          >
            {t('env.save')}
          </Button>
        </Space>
      ) : null}
      {!calendar.configured ? (
        <Alert type="warning" showIcon title={t('env.notConfigured')} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<Row>
        data-testid="calendar-table"
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: t('env.date'),
            width: 170,
            render: (_, r) =>
              canWrite ? (
                <DatePicker
                  aria-label={t('env.date')}
                  value={dayjs(r.date)}
                  allowClear={false}
                  onChange={(d) => d && update(r.key, { date: d.format('YYYY-MM-DD') })}
                />
              ) : (
                r.date
              ),
          },
          // the interface language's weekday (dayjs follows it: 周日 / Sun)
          { title: t('env.weekday'), width: 70, render: (_, r) => dayjs(r.date).format('ddd') },
          {
            title: t('env.kind'),
            width: 160,
            render: (_, r) =>
              canWrite ? (
                <Select
                  aria-label={t('env.kind')}
                  style={{ width: 140 }}
                  value={r.kind}
                  onChange={(k) => update(r.key, { kind: k })}
                  options={[
                    { value: 'holiday', label: t('env.holiday') },
                    { value: 'workday', label: t('env.workday') },
                  ]}
                />
              ) : (
                t(r.kind === 'holiday' ? 'env.holiday' : 'env.workday')
              ),
          },
          {
            title: t('env.name'),
            render: (_, r) =>
              canWrite ? (
                <Input
                  aria-label={t('env.name')}
                  value={r.name}
                  maxLength={30}
                  onChange={(e) => update(r.key, { name: e.target.value })}
                />
              ) : (
                r.name
              ),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'x',
                  width: 50,
                  render: (_: unknown, r: Row) => (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('env.remove')}
                      onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
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
