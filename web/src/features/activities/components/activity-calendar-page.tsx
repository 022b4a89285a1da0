// 宣传活动 → 日历: the month's events on a calendar (docs/activities.md "Console"), filtered by unit and
// kind; each event opens its details. On a phone the month is an agenda, day by day, since a calendar
// grid of seven columns does not fit 390 px. The month is switched by labelled controls of our own
// (antd's calendar header has unlabelled selects). The month is in the address (`?month=2018-06`) so a view
// can be linked and reloaded.
import type { Activity, ActivityKind } from '@greenvoice/common';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Calendar, DatePicker, Empty, Grid, List, Popover, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { ListPage, SelectFilter } from '../../../shared/list/list-page.tsx';
import { useUnitOptions } from '../../../shared/org/use-unit-options.ts';
import { useActivitiesInRange } from '../api/activities-api.ts';
import { ActivitiesNav, useActivityLabels } from './activities-nav.tsx';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/**
 * One colour per kind of event, so a month reads at a glance — as a bar beside dark text on a light
 * ground, not as coloured text (antd's light tag colours fail AA contrast; decision 173).
 */
const KIND_COLOUR: Record<ActivityKind, string> = {
  lectureHall: '#722ed1',
  fiveInto: '#237804',
  environmentDay: '#08979c',
  census: '#0958d9',
  inspection: '#1d39c4',
  training: '#d48806',
  greenAngel: '#7cb305',
  greenGuard: '#d4380d',
};

function EventDetails({ a }: { a: Activity }) {
  const { pick } = useI18n();
  const labels = useActivityLabels();
  return (
    <Space direction="vertical" size={2} style={{ maxWidth: 280 }}>
      <Typography.Text strong>{a.title}</Typography.Text>
      <span>
        {labels.kind(a.kind)}
        {a.target ? ` · ${labels.target(a.target)}` : ''} · {a.heldOn}
      </span>
      <span>{a.unitName}</span>
      <span>
        {a.place} · {pick({ zh: `${a.audienceCount} 人`, en: `${a.audienceCount} people` })}
      </span>
    </Space>
  );
}

function EventChip({ a }: { a: Activity }) {
  return (
    <Popover content={<EventDetails a={a} />} trigger={['click', 'focus']}>
      <div
        tabIndex={0}
        role="button"
        aria-label={a.title}
        style={{
          borderLeft: `4px solid ${KIND_COLOUR[a.kind]}`,
          background: '#f5f5f5',
          color: '#1f1f1f',
          padding: '0 6px',
          margin: '0 0 2px',
          fontSize: 12,
          lineHeight: '20px',
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          cursor: 'pointer',
        }}
        data-testid="calendar-event"
      >
        {a.title}
      </div>
    </Popover>
  );
}

export function ActivityCalendarPage() {
  const { pick } = useI18n();
  const screens = Grid.useBreakpoint();
  const labels = useActivityLabels();
  const units = useUnitOptions();
  const [params, setParams] = useSearchParams();
  const given = params.get('month') ?? '';
  const month = MONTH.test(given) ? dayjs(`${given}-01`) : dayjs().startOf('month');
  const [unitId, setUnitId] = useState<number | undefined>();
  const [kind, setKind] = useState<ActivityKind | undefined>();
  const q = useActivitiesInRange({
    from: month.startOf('month').format('YYYY-MM-DD'),
    to: month.endOf('month').format('YYYY-MM-DD'),
    ...(unitId ? { unitId } : {}),
    ...(kind ? { kind } : {}),
  });
  const byDay = new Map<string, Activity[]>();
  for (const a of q.data ?? []) byDay.set(a.heldOn, [...(byDay.get(a.heldOn) ?? []), a]);
  const go = (d: Dayjs) => setParams({ month: d.format('YYYY-MM') }, { replace: true });
  const days = [...byDay.keys()].sort();
  return (
    <ListPage
      title={pick({ zh: '活动日历', en: 'Events calendar' })}
      intro={pick({
        zh: `${month.format('YYYY 年 M 月')}共 ${q.data?.length ?? 0} 项活动；点击活动查看详情。`,
        en: `${q.data?.length ?? 0} events in ${month.format('MMMM YYYY')}; click one for its details.`,
      })}
      before={<ActivitiesNav />}
      filters={
        <>
          <SelectFilter<number>
            searchable
            placeholder={pick({ zh: '单位', en: 'Unit' })}
            value={unitId}
            onChange={setUnitId}
            options={units.data ?? []}
            testId="calendar-unit"
          />
          <SelectFilter
            placeholder={pick({ zh: '活动类型', en: 'Kind' })}
            value={kind}
            onChange={(v) => setKind(v as ActivityKind | undefined)}
            options={labels.kinds}
            testId="calendar-kind"
          />
        </>
      }
      error={q.error}
    >
      <div data-testid="activity-calendar">
        <Space style={{ marginBottom: 12 }}>
          <Button
            icon={<LeftOutlined />}
            aria-label={pick({ zh: '上个月', en: 'Previous month' })}
            onClick={() => go(month.subtract(1, 'month'))}
          />
          <DatePicker
            picker="month"
            allowClear={false}
            value={month}
            onChange={(d) => d && go(d)}
            aria-label={pick({ zh: '月份', en: 'Month' })}
            data-testid="calendar-month"
          />
          <Button
            icon={<RightOutlined />}
            aria-label={pick({ zh: '下个月', en: 'Next month' })}
            onClick={() => go(month.add(1, 'month'))}
          />
        </Space>
        {screens.md ? (
          <Calendar
            className="gv-activity-calendar"
            // today when it is in the month shown, else the month's first day (the grid needs a day)
            value={dayjs().isSame(month, 'month') ? dayjs() : month}
            headerRender={() => null}
            // the cell's content under its day number: the month's events (none for the neighbours' days)
            cellRender={(d, info) =>
              info.type !== 'date'
                ? info.originNode
                : d.isSame(month, 'month')
                  ? (byDay.get(d.format('YYYY-MM-DD')) ?? []).map((a) => <EventChip key={a.id} a={a} />)
                  : null
            }
          />
        ) : days.length ? (
          <List
            dataSource={days}
            renderItem={(day) => (
              <List.Item>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Typography.Text strong>
                    {dayjs(day).format(pick({ zh: 'M 月 D 日 ddd', en: 'ddd D MMMM' }))}
                  </Typography.Text>
                  {byDay.get(day)!.map((a) => (
                    <EventChip key={a.id} a={a} />
                  ))}
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Empty description={pick({ zh: '本月没有活动', en: 'No events this month' })} />
        )}
      </div>
    </ListPage>
  );
}
