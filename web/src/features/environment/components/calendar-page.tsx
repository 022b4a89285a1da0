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
import { T } from './env-text.ts';

interface Row {
  key: number;
  date: string;
  kind: CalendarDayKind;
  name: string;
}

/** A year's holidays and worked weekend days (调休), edited as a list and saved whole. */
export function CalendarPage() {
  const { pick } = useI18n();
  const [year, setYear] = useState(2018);
  const cal = useCalendar(year);
  return (
    <>
      <PageHeader title={pick(T.calendar)} />
      <Card size="small">
        <Typography.Paragraph type="secondary">{pick(T.calendarHint)}</Typography.Paragraph>
        <InputNumber
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
  const { pick } = useI18n();
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
            {pick(T.addDay)}
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
                      name: name || pick(kind === 'holiday' ? T.holiday : T.workday),
                    })),
                  },
                ])
                .then(() => void message.success(pick(T.saved)), notifyError)
            }
          >
            {pick(T.save)}
          </Button>
        </Space>
      ) : null}
      {!calendar.configured ? (
        <Alert type="warning" showIcon title={pick(T.notConfigured)} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<Row>
        data-testid="calendar-table"
        size="small"
        rowKey="key"
        dataSource={rows}
        pagination={false}
        columns={[
          {
            title: pick(T.date),
            width: 170,
            render: (_, r) =>
              canWrite ? (
                <DatePicker
                  value={dayjs(r.date)}
                  allowClear={false}
                  onChange={(d) => d && update(r.key, { date: d.format('YYYY-MM-DD') })}
                />
              ) : (
                r.date
              ),
          },
          { title: '', width: 60, render: (_, r) => '日一二三四五六'[dayjs(r.date).day()] },
          {
            title: pick(T.kind),
            width: 160,
            render: (_, r) =>
              canWrite ? (
                <Select
                  style={{ width: 140 }}
                  value={r.kind}
                  onChange={(k) => update(r.key, { kind: k })}
                  options={[
                    { value: 'holiday', label: pick(T.holiday) },
                    { value: 'workday', label: pick(T.workday) },
                  ]}
                />
              ) : (
                pick(r.kind === 'holiday' ? T.holiday : T.workday)
              ),
          },
          {
            title: pick(T.name),
            render: (_, r) =>
              canWrite ? (
                <Input
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
                  key: 'x',
                  width: 50,
                  render: (_: unknown, r: Row) => (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={pick(T.remove)}
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
