// 网评员: the online-commentator team per unit (name, the accounts they use), each member's posts with
// their links, and the year's tally per person and month (docs/new-media.md).
import {
  CommentatorInput,
  CommentatorPostInput,
  type Commentator,
  type CommentatorPost,
} from '@greenvoice/common';
import { App, Button, DatePicker, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { schemaRules } from '../../../shared/forms/schema-rules.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { ListTable } from '../../../shared/list/list-page.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { usePosts, usePostWrite, useRegister, useTally } from '../api/media-work-api.ts';
import { TasksCard } from './commentator-tasks.tsx';
import { useMediaBoard } from '../hooks/use-media.ts';
import {
  ExternalLink,
  orNull,
  SummaryCard,
  TextField,
  UnitField,
  useEditing,
  useWorkForm,
  WorkModal,
  WorkListPage,
} from './work-shared.tsx';

function CommentatorForm({ row, onClose }: { row: Commentator | null; onClose: () => void }) {
  const { pick, form, rules } = useWorkForm<CommentatorInput>(CommentatorInput);
  return (
    <WorkModal<CommentatorInput>
      register="commentators"
      title={{
        add: { zh: '新增网评员', en: 'Add a commentator' },
        edit: { zh: `修改「${row?.name}」`, en: `Edit ${row?.name}` },
      }}
      row={row}
      form={form}
      initialValues={row ?? { active: true }}
      toBody={(v) => ({ ...v, accounts: orNull(v.accounts) })}
      onClose={onClose}
    >
      <UnitField rules={rules} />
      <TextField name="name" label={{ zh: '姓名', en: 'Name' }} rules={rules} testId="commentator-name" />
      <TextField
        name="accounts"
        label={{ zh: '使用的账号', en: 'Accounts used' }}
        rules={rules}
        placeholder={pick({ zh: '如：微博 @某某；今日头条 某某', en: 'e.g. Weibo @name' })}
      />
      <Form.Item name="active" label={pick({ zh: '在岗', en: 'Active' })} valuePropName="checked">
        <Switch />
      </Form.Item>
    </WorkModal>
  );
}

type PostValues = Omit<CommentatorPostInput, 'postedOn'> & { postedOn: Dayjs };

function PostsModal({ who, onClose }: { who: Commentator; onClose: () => void }) {
  const { t, pick } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const [form] = Form.useForm<PostValues>();
  const showFormError = useFormErrors(form);
  const posts = usePosts(who.id);
  const write = usePostWrite(who.id);
  const rules = schemaRules(CommentatorPostInput, t);
  const tasks = useRegister('tasks', { page: 1, pageSize: 50 });
  return (
    <Modal
      open
      width={760}
      footer={null}
      onCancel={onClose}
      title={pick({ zh: `${who.name}的网评记录`, en: `${who.name}’s posts` })}
    >
      {can('media:write') ? (
        <Form<PostValues>
          form={form}
          layout="inline"
          style={{ marginBottom: 12, rowGap: 8 }}
          onFinish={(v) =>
            write.add.mutate(
              {
                postedOn: v.postedOn.format('YYYY-MM-DD'),
                url: v.url.trim(),
                topic: orNull(v.topic),
                taskId: v.taskId ?? null,
              },
              {
                onSuccess: () => {
                  void message.success(t('common.saved'));
                  form.resetFields();
                },
                onError: showFormError,
              },
            )
          }
        >
          <Form.Item name="postedOn" rules={[{ required: true, message: t('form.required') }]}>
            <DatePicker placeholder={pick({ zh: '日期', en: 'Date' })} />
          </Form.Item>
          <Form.Item name="url" rules={rules('url')}>
            <Input
              placeholder={pick({ zh: '链接 https://', en: 'Link https://' })}
              style={{ width: 240 }}
              data-testid="post-url"
            />
          </Form.Item>
          <Form.Item name="topic" rules={rules('topic')}>
            <Input placeholder={pick({ zh: '评论的文章或话题', en: 'Article or topic' })} />
          </Form.Item>
          <Form.Item name="taskId">
            <Select
              allowClear
              style={{ width: 200 }}
              placeholder={pick({ zh: '完成的任务（可选）', en: 'Task it completes (optional)' })}
              options={(tasks.data?.items ?? []).map((x) => ({
                value: x.id,
                label: `${x.title}（${x.startsOn}~${x.endsOn}）`,
              }))}
              data-testid="post-task"
            />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={write.add.isPending} data-testid="post-add">
            {pick({ zh: '登记', en: 'Add' })}
          </Button>
        </Form>
      ) : null}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content', y: 360 }}
        loading={posts.isLoading}
        dataSource={posts.data?.items ?? []}
        columns={[
          { title: pick({ zh: '日期', en: 'Date' }), dataIndex: 'postedOn' },
          {
            title: pick({ zh: '话题', en: 'Topic' }),
            dataIndex: 'topic',
            render: (v: string | null, p: CommentatorPost) =>
              (p.taskId ? (tasks.data?.items.find((x) => x.id === p.taskId)?.title ?? v) : v) ?? '—',
          },
          {
            title: pick({ zh: '链接', en: 'Link' }),
            dataIndex: 'url',
            render: (u: string) => <ExternalLink href={u}>{u}</ExternalLink>,
          },
          ...(can('media:write')
            ? [
                {
                  title: '',
                  render: (_: unknown, p: CommentatorPost) => (
                    <Button type="link" danger size="small" onClick={() => write.remove.mutate(p.id)}>
                      {pick({ zh: '删除', en: 'Delete' })}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Modal>
  );
}

function Tally({ year }: { year: number | undefined }) {
  const { pick } = useI18n();
  const tally = useTally(year);
  if (!tally.data || tally.data.rows.length === 0) return null;
  type R = (typeof tally.data.rows)[number];
  return (
    <SummaryCard<R>
      title={pick({ zh: `${tally.data.year}年逐月网评数`, en: `${tally.data.year} posts by month` })}
      testId="commentator-tally"
      rowKey="commentatorId"
      dataSource={tally.data.rows}
      columns={[
        { title: pick({ zh: '姓名', en: 'Name' }), dataIndex: 'name', fixed: 'start' },
        { title: pick({ zh: '单位', en: 'Unit' }), dataIndex: 'unitName' },
        ...Array.from({ length: 12 }, (_, i) => ({
          title: pick({ zh: `${i + 1}月`, en: `${i + 1}` }),
          render: (_: unknown, r: R) => r.months[i] || '',
        })),
        { title: pick({ zh: '合计', en: 'Total' }), dataIndex: 'total' },
      ]}
    />
  );
}

export function CommentatorsPage() {
  const { pick } = useI18n();
  const can = useCan();
  const board = useMediaBoard();
  const list = useListState<{ year?: number; unitId?: number }>({});
  const year = list.filters.year ?? board.data?.year;
  const q = useRegister('commentators', { ...list.query, year: undefined });
  const form = useEditing<Commentator>();
  const [posts, setPosts] = useState<Commentator | null>(null);
  return (
    <WorkListPage
      title={{ zh: '网评员队伍', en: 'Online commentators' }}
      intro={{
        zh: '网评任务及完成情况、各单位网评员名册、网评记录（含链接）与逐月统计。',
        en: 'Tasks and who completed them, each unit’s commentators, their posts with links, and the monthly tally.',
      }}
      summary={
        <>
          <TasksCard year={year} />
          <Tally year={year} />
        </>
      }
      add={{
        label: { zh: '新增网评员', en: 'Add' },
        testId: 'commentator-add',
        onClick: form.add,
      }}
      list={list}
      year={year}
      error={q.error}
    >
      <ListTable<Commentator>
        testId="commentator-table"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={list.pagination(q.data?.total)}
        columns={[
          { title: pick({ zh: '姓名', en: 'Name' }), dataIndex: 'name' },
          { title: pick({ zh: '单位', en: 'Unit' }), dataIndex: 'unitName' },
          {
            title: pick({ zh: '使用的账号', en: 'Accounts' }),
            dataIndex: 'accounts',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: pick({ zh: '状态', en: 'State' }),
            dataIndex: 'active',
            render: (a: boolean) => (
              <Tag color={a ? 'green' : 'default'}>
                {a ? pick({ zh: '在岗', en: 'Active' }) : pick({ zh: '已退出', en: 'Left' })}
              </Tag>
            ),
          },
          { title: pick({ zh: '网评条数', en: 'Posts' }), dataIndex: 'posts' },
          {
            title: pick({ zh: '最近网评', en: 'Last post' }),
            dataIndex: 'lastPostOn',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: pick({ zh: '操作', en: 'Actions' }),
            render: (_: unknown, r: Commentator) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setPosts(r)} data-testid="commentator-posts">
                  {pick({ zh: '网评记录', en: 'Posts' })}
                </Button>
                {can('media:write') ? (
                  <Button type="link" size="small" onClick={() => form.edit(r)}>
                    {pick({ zh: '编辑', en: 'Edit' })}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {form.editing !== undefined ? <CommentatorForm row={form.editing} onClose={form.close} /> : null}
      {posts ? <PostsModal who={posts} onClose={() => setPosts(null)} /> : null}
    </WorkListPage>
  );
}
