// 创意大赛: the year's contest (docs/contest.md, decision 162) — schools and works with their photos
// (contest:enter), judges and the automatic assignment (contest:manage), the judge's own blind sheets
// (every staff member who is named), the results with the trimmed mean, outliers and the tie rule
// (contest:results), the award proposal (contest:manage) and leadership's approval that locks it.
import { FileWordOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import {
  AWARD_LABELS,
  chinaDate,
  type Contest,
  type ContestResults,
  type School,
  type Work,
} from '@greenvoice/common';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Popconfirm,
  Select,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { PhotoStrip } from '../../../shared/components/photo-strip.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { FormModal } from '../../../shared/forms/form-modal.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { ListTable } from '../../../shared/list/list-page.tsx';
import { useLocalPagination } from '../../../shared/list/use-server-pagination.ts';
import { useUnitOptions } from '../../../shared/org/use-unit-options.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import {
  certificateDocx,
  useAddJudge,
  useAddWorkPhotos,
  useApprove,
  useAssign,
  useContests,
  useJudges,
  usePeopleSearch,
  usePropose,
  useResults,
  useSchools,
  useWorks,
  type Judge,
} from '../api/contest-api.ts';
import { ContestForm, SchoolForm, WorkForm } from './contest-forms.tsx';
import { SheetsTab } from './sheets-tab.tsx';

const STATE = {
  open: { zh: '报名中', en: 'Entries open', color: 'blue' },
  judging: { zh: '评审中', en: 'Judging', color: 'orange' },
  proposed: { zh: '待审定', en: 'Awaiting approval', color: 'purple' },
  locked: { zh: '已审定锁定', en: 'Approved and locked', color: 'green' },
} as const;

const nameOf = (xs: Array<{ code: string; name: string }>, code: string) =>
  xs.find((x) => x.code === code)?.name ?? code;

function Overview({ contest }: { contest: Contest }) {
  const { pick } = useI18n();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered data-testid="contest-overview">
      <Descriptions.Item label={pick({ zh: '主题', en: 'Theme' })}>{contest.theme}</Descriptions.Item>
      <Descriptions.Item label={pick({ zh: '状态', en: 'State' })}>
        <Tag color={STATE[contest.state].color}>{pick(STATE[contest.state])}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={pick({ zh: '作品提交截止', en: 'Entries close' })}>
        {contest.entriesCloseOn}
      </Descriptions.Item>
      <Descriptions.Item label={pick({ zh: '评审截止', en: 'Judging closes' })}>
        {contest.judgingCloseOn}
      </Descriptions.Item>
      <Descriptions.Item label={pick({ zh: '颁奖', en: 'Gala' })}>{contest.galaOn}</Descriptions.Item>
      <Descriptions.Item label={pick({ zh: '类别 / 组别', en: 'Categories / age groups' })}>
        {contest.categories.map((c) => c.name).join('、')} / {contest.ageGroups.map((c) => c.name).join('、')}
      </Descriptions.Item>
      <Descriptions.Item label={pick({ zh: '评分标准', en: 'Rubric' })}>
        {contest.rubric.map((r) => `${r.name} ${r.weight}%（${r.min}–${r.max}）`).join('；')}
      </Descriptions.Item>
      <Descriptions.Item label={pick({ zh: '学校 / 作品 / 评委', en: 'Schools / works / judges' })}>
        {contest.schools} / {contest.works} / {contest.judges}
      </Descriptions.Item>
      <Descriptions.Item label={pick({ zh: '评审进度', en: 'Sheets scored' })}>
        {contest.scored} / {contest.sheets}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** schools and works come in until the entry deadline, also once judging has begun (decision 196) */
const entriesOpen = (c: Contest) =>
  (c.state === 'open' || c.state === 'judging') && chinaDate(new Date().toISOString()) <= c.entriesCloseOn;

function SchoolsTab({ contest }: { contest: Contest }) {
  const { pick } = useI18n();
  const q = useSchools(contest.id);
  const pages = useLocalPagination(20);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <QueryError error={q.error} />
      {entriesOpen(contest) ? (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          style={{ marginBottom: 12 }}
          data-testid="school-add"
        >
          {pick({ zh: '学校报名', en: 'Register a school' })}
        </Button>
      ) : null}
      <ListTable<School>
        testId="schools-table"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={pages}
        columns={[
          { title: pick({ zh: '学校', en: 'School' }), dataIndex: 'name' },
          { title: pick({ zh: '区县', en: 'County' }), dataIndex: 'countyName' },
          { title: pick({ zh: '联系老师', en: 'Teacher' }), dataIndex: 'contactTeacher' },
          {
            title: pick({ zh: '公开学生姓名', en: 'Names public' }),
            dataIndex: 'namesConsent',
            render: (v: boolean) => (v ? pick({ zh: '同意', en: 'Yes' }) : pick({ zh: '不同意', en: 'No' })),
          },
          { title: pick({ zh: '作品', en: 'Works' }), dataIndex: 'works' },
        ]}
      />
      {adding ? <SchoolForm contest={contest} onClose={() => setAdding(false)} /> : null}
    </>
  );
}

function WorksTab({ contest }: { contest: Contest }) {
  const { pick } = useI18n();
  const notifyError = useNotifyError();
  const q = useWorks(contest.id);
  const add = useAddWorkPhotos(contest.id);
  const pages = useLocalPagination(20);
  const [adding, setAdding] = useState(false);
  const open = entriesOpen(contest);
  return (
    <>
      <QueryError error={q.error} />
      {open ? (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          style={{ marginBottom: 12 }}
          data-testid="work-add"
        >
          {pick({ zh: '提交作品', en: 'Enter a work' })}
        </Button>
      ) : null}
      <ListTable<Work>
        testId="works-table"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={pages}
        columns={[
          { title: pick({ zh: '编号', en: 'Code' }), dataIndex: 'code' },
          { title: pick({ zh: '作品', en: 'Title' }), dataIndex: 'title' },
          {
            title: pick({ zh: '类别 / 组别', en: 'Category / group' }),
            render: (_: unknown, w: Work) =>
              `${nameOf(contest.categories, w.category)} / ${nameOf(contest.ageGroups, w.ageGroup)}`,
          },
          { title: pick({ zh: '学校', en: 'School' }), dataIndex: 'schoolName' },
          { title: pick({ zh: '学生', en: 'Students' }), dataIndex: 'students' },
          {
            title: pick({ zh: '照片', en: 'Photos' }),
            render: (_: unknown, w: Work) => (
              <PhotoStrip
                testId={`work-photos-${w.code}`}
                photos={w.photos}
                // a work with its judges keeps its photos as they were given them (decision 196)
                canAdd={open && w.judges === 0}
                adding={add.isPending && add.variables?.workId === w.id}
                onAdd={(files) => add.mutate({ workId: w.id, files }, { onError: notifyError })}
              />
            ),
          },
          {
            title: pick({ zh: '奖项', en: 'Award' }),
            dataIndex: 'award',
            render: (a: Work['award']) => (a ? pick(AWARD_LABELS[a]) : '—'),
          },
        ]}
      />
      {adding ? <WorkForm contest={contest} onClose={() => setAdding(false)} /> : null}
    </>
  );
}

function JudgeForm({ contest, onClose }: { contest: Contest; onClose: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<{ personId: number; schoolId?: number; countyUnitId?: number }>();
  const [search, setSearch] = useState('');
  const people = usePeopleSearch(search);
  const schools = useSchools(contest.id);
  const units = useUnitOptions();
  const addJudge = useAddJudge(contest.id);
  return (
    <FormModal
      testId="judge-form"
      title={pick({ zh: '添加评委', en: 'Name a judge' })}
      form={form}
      saving={addJudge.isPending}
      save={(v) =>
        addJudge.mutateAsync({
          personId: v.personId,
          schoolId: v.schoolId ?? null,
          countyUnitId: v.countyUnitId ?? null,
        })
      }
      onClose={onClose}
    >
      <Form.Item
        name="personId"
        label={pick({ zh: '人员', en: 'Person' })}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: setSearch }}
          options={(people.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.name}（${p.unitName}）`,
          }))}
          data-testid="judge-person"
        />
      </Form.Item>
      <Form.Item
        name="schoolId"
        label={pick({
          zh: '本人任教学校（如有，回避本校作品）',
          en: 'Own school (if any; its works are avoided)',
        })}
      >
        <Select
          allowClear
          options={(schools.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
      </Form.Item>
      <Form.Item
        name="countyUnitId"
        label={pick({ zh: '本人所在区县（回避本区县作品）', en: 'Own county (its works are avoided)' })}
      >
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(units.data ?? []).filter((u) => u.kind === 'countyBureau')}
        />
      </Form.Item>
    </FormModal>
  );
}

function JudgesTab({ contest }: { contest: Contest }) {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const q = useJudges(contest.id);
  const assign = useAssign(contest.id);
  const pages = useLocalPagination(20);
  const [adding, setAdding] = useState(false);
  const before = contest.state === 'open' || contest.state === 'judging';
  return (
    <>
      <QueryError error={q.error} />
      {before ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="judge-add">
            {pick({ zh: '添加评委', en: 'Name a judge' })}
          </Button>
          <Button
            type="primary"
            icon={<TeamOutlined />}
            loading={assign.isPending}
            data-testid="judges-assign"
            onClick={() =>
              assign.mutate(undefined, {
                onSuccess: (r) =>
                  void message.success(
                    pick({
                      zh: `新分配 ${r.added} 份评审表，共 ${r.sheets} 份`,
                      en: `${r.added} sheets assigned, ${r.sheets} in all`,
                    }),
                  ),
                onError: notifyError,
              })
            }
          >
            {pick({ zh: '自动分配评委', en: 'Assign judges' })}
          </Button>
        </Space>
      ) : null}
      <Typography.Paragraph type="secondary">
        {pick({
          zh: `每件作品 ${contest.judgesPerWork} 位评委；评委不评本校、本区县的作品；评审为盲评，评委看不到学校、区县和姓名。`,
          en: `${contest.judgesPerWork} judges per work; nobody judges their own school or county; judging is blind — no school, county or names.`,
        })}
      </Typography.Paragraph>
      <ListTable<Judge>
        testId="judges-table"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={pages}
        columns={[
          { title: pick({ zh: '评委', en: 'Judge' }), dataIndex: 'name' },
          { title: pick({ zh: '学校', en: 'School' }), dataIndex: 'schoolName', render: (v) => v ?? '—' },
          { title: pick({ zh: '区县', en: 'County' }), dataIndex: 'countyName', render: (v) => v ?? '—' },
          {
            title: pick({ zh: '已评 / 分配', en: 'Scored / assigned' }),
            render: (_: unknown, j: Judge) => `${j.scored} / ${j.assigned}`,
          },
        ]}
      />
      {adding ? <JudgeForm contest={contest} onClose={() => setAdding(false)} /> : null}
    </>
  );
}

type ResultRow = ContestResults['groups'][number]['works'][number];

function ResultsTab({ contest }: { contest: Contest }) {
  const { pick } = useI18n();
  const can = useCan();
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const q = useResults(contest.id);
  const propose = usePropose(contest.id);
  const approve = useApprove(contest.id);
  const done = () => void message.success(pick({ zh: '已完成', en: 'Done' }));
  return (
    <>
      <QueryError error={q.error} />
      <Typography.Paragraph type="secondary">
        {pick({
          zh: '得分为去掉一个最高分和一个最低分后的平均分（不足4份评审表时为平均分）；偏离中位数20分以上的评审表计为离群；同分依次比较：全部平均分、权重最大项的平均分、提交先后。',
          en: 'Score: the mean without the single highest and lowest sheet (the plain mean under 4 sheets); sheets over 20 points from the median count as outliers; ties: the untrimmed mean, then the heaviest criterion’s mean, then entry order.',
        })}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        {can('contest:manage') && (contest.state === 'judging' || contest.state === 'proposed') ? (
          <Button
            type="primary"
            loading={propose.isPending}
            data-testid="awards-propose"
            onClick={() => propose.mutate(undefined, { onSuccess: done, onError: notifyError })}
          >
            {pick({ zh: '按名额提出获奖建议', en: 'Propose awards by the quotas' })}
          </Button>
        ) : null}
        {can('contest:approve') && contest.state === 'proposed' ? (
          <Popconfirm
            title={pick({
              zh: '审定后获奖名单锁定，不能再改。确定审定？',
              en: 'Approval locks the awards for good. Approve?',
            })}
            onConfirm={() => approve.mutateAsync().then(done, notifyError)}
          >
            <Button type="primary" data-testid="awards-approve">
              {pick({ zh: '审定获奖名单', en: 'Approve the awards' })}
            </Button>
          </Popconfirm>
        ) : null}
        <Tag color={STATE[contest.state].color}>{pick(STATE[contest.state])}</Tag>
      </Space>
      {(q.data?.groups ?? []).map((g) => (
        <Card
          key={`${g.category}-${g.ageGroup}`}
          size="small"
          title={`${g.categoryName} · ${g.ageGroupName}`}
          style={{ marginBottom: 12 }}
        >
          <ListTable<ResultRow>
            testId={`results-${g.category}-${g.ageGroup}`}
            rowKey="workId"
            size="small"
            pagination={false}
            dataSource={g.works}
            columns={[
              { title: pick({ zh: '名次', en: 'Place' }), dataIndex: 'position', render: (v) => v ?? '—' },
              { title: pick({ zh: '编号', en: 'Code' }), dataIndex: 'code' },
              { title: pick({ zh: '作品', en: 'Title' }), dataIndex: 'title' },
              { title: pick({ zh: '学校', en: 'School' }), dataIndex: 'schoolName' },
              {
                title: pick({ zh: '得分', en: 'Score' }),
                render: (_: unknown, r: ResultRow) =>
                  r.score === null
                    ? '—'
                    : `${r.score.toFixed(2)}${r.trimmed ? pick({ zh: '（去高低）', en: ' (trimmed)' }) : ''}`,
              },
              {
                title: pick({ zh: '平均分', en: 'Mean' }),
                dataIndex: 'mean',
                render: (v: number | null) => v?.toFixed(2) ?? '—',
              },
              {
                title: pick({ zh: '评审表', en: 'Sheets' }),
                render: (_: unknown, r: ResultRow) => `${r.sheets} / ${r.expected}`,
              },
              {
                title: pick({ zh: '离群', en: 'Outliers' }),
                dataIndex: 'outliers',
                render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : 0),
              },
              {
                title: pick({ zh: '同分裁定', en: 'Tie broken by' }),
                dataIndex: 'tieBrokenBy',
                render: (v) => v ?? '—',
              },
              {
                title: pick({ zh: '奖项', en: 'Award' }),
                dataIndex: 'award',
                render: (a: ResultRow['award']) =>
                  a ? <Tag color="gold">{pick(AWARD_LABELS[a])}</Tag> : '—',
              },
              {
                title: pick({ zh: '获奖证书', en: 'Certificate' }),
                // only once leadership has locked the awards: before, an award may still change
                render: (_: unknown, r: ResultRow) =>
                  r.award && contest.state === 'locked' ? (
                    <Button
                      size="small"
                      icon={<FileWordOutlined />}
                      href={certificateDocx(contest.id, r.workId)}
                      data-testid={`certificate-${r.code}`}
                    >
                      Word
                    </Button>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </Card>
      ))}
      {q.data && q.data.groups.length === 0 ? <Empty /> : null}
    </>
  );
}

export function ContestPage() {
  const { pick } = useI18n();
  const can = useCan();
  const contests = useContests();
  const [chosen, setChosen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [tab, setTab] = useState<string | undefined>(undefined);
  const list = contests.data?.items ?? [];
  const contest = list.find((c) => c.id === chosen) ?? list[0];
  const tabs = contest
    ? [
        {
          key: 'overview',
          label: pick({ zh: '概况', en: 'Overview' }),
          children: <Overview contest={contest} />,
          show: true,
        },
        {
          key: 'schools',
          label: pick({ zh: '学校', en: 'Schools' }),
          children: <SchoolsTab contest={contest} />,
          show: can('contest:enter'),
        },
        {
          key: 'works',
          label: pick({ zh: '作品', en: 'Works' }),
          children: <WorksTab contest={contest} />,
          show: can('contest:enter'),
        },
        {
          key: 'judges',
          label: pick({ zh: '评委', en: 'Judges' }),
          children: <JudgesTab contest={contest} />,
          show: can('contest:manage'),
        },
        {
          key: 'sheets',
          label: pick({ zh: '我的评审', en: 'My sheets' }),
          children: <SheetsTab />,
          show: can('contest:judge'),
        },
        {
          key: 'results',
          label: pick({ zh: '评审结果', en: 'Results' }),
          children: <ResultsTab contest={contest} />,
          show: can('contest:results'),
        },
      ].filter((x) => x.show)
    : [];
  return (
    <>
      <PageHeader
        title={pick({ zh: '环保创意大赛', en: 'Creativity contest' })}
        extra={
          <>
            {list.length ? (
              <Select<number>
                value={contest?.id}
                onChange={setChosen}
                style={{ minWidth: 220, maxWidth: '100%' }}
                aria-label={pick({ zh: '选择大赛', en: 'Choose a contest' })}
                options={list.map((c) => ({ value: c.id, label: `${c.year} ${c.title}` }))}
                data-testid="contest-choose"
              />
            ) : null}
            {can('contest:manage') ? (
              <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="contest-add">
                {pick({ zh: '新建大赛', en: 'New contest' })}
              </Button>
            ) : null}
          </>
        }
      >
        {contest ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {contest.title}：{pick({ zh: '主题', en: 'theme' })}「{contest.theme}」
          </Typography.Paragraph>
        ) : null}
      </PageHeader>
      <QueryError error={contests.error} />
      <Card size="small">
        {contest ? (
          <Tabs activeKey={tab ?? 'overview'} onChange={setTab} items={tabs} data-testid="contest-tabs" />
        ) : (
          <Empty description={pick({ zh: '还没有大赛', en: 'No contest yet' })} />
        )}
      </Card>
      {creating ? <ContestForm onClose={() => setCreating(false)} onCreated={(id) => setChosen(id)} /> : null}
    </>
  );
}
