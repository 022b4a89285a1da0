// 网评任务 (decision 207): the tasks set for the commentator team — an article or topic to comment on
// within a period, for the unit's commentators and those below it — with how many of them completed
// each, and a task's completion list (who did it, with how many posts, from when).
import { CommentatorTaskInput, type CommentatorTask } from '@greenvoice/common';
import { Button, Modal, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useRegister, useTaskCompletion } from '../api/media-work-api.ts';
import {
  EditDeleteButtons,
  ExternalLink,
  orNull,
  PeriodField,
  periodBody,
  periodValue,
  SummaryCard,
  TextField,
  UnitField,
  useEditing,
  useWorkForm,
  WorkModal,
} from './work-shared.tsx';

type Values = Omit<CommentatorTaskInput, 'startsOn' | 'endsOn'> & { period: [Dayjs, Dayjs] };

function TaskForm({ row, onClose }: { row: CommentatorTask | null; onClose: () => void }) {
  const { form, rules } = useWorkForm<Values>(CommentatorTaskInput);
  return (
    <WorkModal<Values>
      register="tasks"
      title={{
        add: { zh: '布置网评任务', en: 'Set a task' },
        edit: { zh: '修改网评任务', en: 'Edit the task' },
      }}
      row={row}
      form={form}
      initialValues={row ? { ...row, period: periodValue(row) as [Dayjs, Dayjs] } : {}}
      toBody={({ period, ...v }) => ({ ...v, link: orNull(v.link), ...periodBody(period) })}
      onClose={onClose}
    >
      <UnitField
        rules={rules}
        label={{ zh: '布置单位（本单位及下级的网评员）', en: 'Unit (its commentators and those below)' }}
      />
      <TextField
        name="title"
        label={{ zh: '评论的文章或话题', en: 'Article or topic' }}
        rules={rules}
        testId="task-title"
      />
      <TextField name="link" label={{ zh: '文章链接', en: 'Link' }} rules={rules} placeholder="https://" />
      <PeriodField label={{ zh: '任务期间', en: 'Period' }} />
    </WorkModal>
  );
}

function Completion({ task, onClose }: { task: CommentatorTask; onClose: () => void }) {
  const { pick } = useI18n();
  const c = useTaskCompletion(task.id);
  type R = NonNullable<typeof c.data>['rows'][number];
  return (
    <Modal open width={640} footer={null} onCancel={onClose} title={task.title}>
      <Table<R>
        size="small"
        rowKey="commentatorId"
        pagination={false}
        loading={c.isLoading}
        dataSource={c.data?.rows ?? []}
        data-testid="task-completion"
        columns={[
          { title: pick({ zh: '姓名', en: 'Name' }), dataIndex: 'name' },
          { title: pick({ zh: '单位', en: 'Unit' }), dataIndex: 'unitName' },
          {
            title: pick({ zh: '完成', en: 'Done' }),
            render: (_: unknown, r: R) =>
              r.posts > 0 ? (
                <Tag color="green">
                  {pick({ zh: `已完成 ${r.posts} 条（${r.firstOn}起）`, en: `${r.posts} from ${r.firstOn}` })}
                </Tag>
              ) : (
                <Tag color="red">{pick({ zh: '未完成', en: 'Not done' })}</Tag>
              ),
          },
        ]}
      />
    </Modal>
  );
}

export function TasksCard({ year }: { year: number | undefined }) {
  const { pick } = useI18n();
  const can = useCan();
  const q = useRegister('tasks', { year, page: 1, pageSize: 50 });
  const form = useEditing<CommentatorTask>();
  const [open, setOpen] = useState<CommentatorTask | null>(null);
  return (
    <>
      <SummaryCard<CommentatorTask>
        title={pick({ zh: '网评任务', en: 'Tasks' })}
        extra={
          can('media:write') ? (
            <Button size="small" onClick={form.add} data-testid="task-add">
              {pick({ zh: '布置任务', en: 'Set a task' })}
            </Button>
          ) : null
        }
        testId="task-table"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        columns={[
          {
            title: pick({ zh: '文章或话题', en: 'Article or topic' }),
            render: (_: unknown, r: CommentatorTask) =>
              r.link ? <ExternalLink href={r.link}>{r.title}</ExternalLink> : r.title,
          },
          { title: pick({ zh: '布置单位', en: 'Set by' }), dataIndex: 'unitName' },
          {
            title: pick({ zh: '期间', en: 'Period' }),
            render: (_: unknown, r: CommentatorTask) => `${r.startsOn} ~ ${r.endsOn}`,
          },
          {
            title: pick({ zh: '完成人数', en: 'Done' }),
            render: (_: unknown, r: CommentatorTask) => `${r.done} / ${r.assigned}`,
          },
          {
            title: pick({ zh: '操作', en: 'Actions' }),
            render: (_: unknown, r: CommentatorTask) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setOpen(r)} data-testid="task-open">
                  {pick({ zh: '完成情况', en: 'Completion' })}
                </Button>
                {can('media:write') && r.editable ? (
                  <EditDeleteButtons register="tasks" id={r.id} onEdit={() => form.edit(r)} />
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {form.editing !== undefined ? <TaskForm row={form.editing} onClose={form.close} /> : null}
      {open ? <Completion task={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
