// The contest's forms (docs/contest.md): a new year's contest (theme, categories, age groups, rubric,
// quotas, the three dates), a school's registration and a work's entry. The server judges every field
// (deadlines, codes, ranges) and its problems land beside the field.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { CONTEST_TEMPLATE, ContestInput, SchoolInput, WorkInput, type Contest } from '@greenvoice/common';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../../shared/forms/form-modal.tsx';
import { schemaRules } from '../../../shared/forms/schema-rules.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useUnitOptions } from '../../../shared/org/use-unit-options.ts';
import { useCreateContest, useEnterWork, useRegisterSchool, useSchools } from '../api/contest-api.ts';

type ContestValues = Omit<ContestInput, 'entriesCloseOn' | 'judgingCloseOn' | 'galaOn'> & {
  entriesCloseOn: Dayjs;
  judgingCloseOn: Dayjs;
  galaOn: Dayjs;
};

/** An editable list of rows (categories, age groups, rubric criteria): one line each, add and remove. */
function RowList(props: {
  name: 'categories' | 'ageGroups' | 'rubric';
  label: string;
  fields: Array<{ key: string; label: string; number?: boolean; width: number }>;
}) {
  const { t, pick } = useI18n();
  return (
    <Form.Item label={props.label} required>
      <Form.List name={props.name}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row) => (
              <Space key={row.key} wrap align="baseline">
                {props.fields.map((f) => (
                  <Form.Item
                    key={f.key}
                    name={[row.name, f.key]}
                    rules={[{ required: true, message: t('form.required') }]}
                    style={{ marginBottom: 8 }}
                  >
                    {f.number ? (
                      <InputNumber<number>
                        placeholder={f.label}
                        aria-label={f.label}
                        style={{ width: f.width }}
                      />
                    ) : (
                      <Input placeholder={f.label} aria-label={f.label} style={{ width: f.width }} />
                    )}
                  </Form.Item>
                ))}
                <MinusCircleOutlined
                  aria-label={pick({ zh: '删除这一行', en: 'Remove this row' })}
                  onClick={() => remove(row.name)}
                />
              </Space>
            ))}
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add()}>
              {pick({ zh: '添加', en: 'Add' })}
            </Button>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

export function ContestForm({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<ContestValues>();
  const create = useCreateContest();
  const rules = schemaRules(ContestInput, t);
  const year = dayjs().year();
  const required = [{ required: true, message: t('form.required') }];
  const codeName = [
    { key: 'code', label: pick({ zh: '代码（英文）', en: 'Code' }), width: 120 },
    { key: 'name', label: pick({ zh: '名称', en: 'Name' }), width: 140 },
  ];
  return (
    <FormModal<ContestValues>
      testId="contest-form"
      title={pick({ zh: '新建大赛', en: 'New contest' })}
      form={form}
      initialValues={{
        year,
        title: '中小学环保创意大赛',
        ...CONTEST_TEMPLATE,
        quotas: { first: 1, second: 2, third: 3, excellence: 5 },
        judgesPerWork: 3,
      }}
      saving={create.isPending}
      save={async ({ entriesCloseOn, judgingCloseOn, galaOn, ...v }) => {
        const c = await create.mutateAsync({
          ...v,
          entriesCloseOn: entriesCloseOn.format('YYYY-MM-DD'),
          judgingCloseOn: judgingCloseOn.format('YYYY-MM-DD'),
          galaOn: galaOn.format('YYYY-MM-DD'),
        });
        onCreated(c.id);
      }}
      onClose={onClose}
    >
      <Space wrap>
        <Form.Item name="year" label={pick({ zh: '年度', en: 'Year' })} rules={rules('year')}>
          <InputNumber<number> data-testid="contest-year" />
        </Form.Item>
        <Form.Item name="theme" label={pick({ zh: '主题', en: 'Theme' })} rules={rules('theme')}>
          <Input data-testid="contest-theme" />
        </Form.Item>
      </Space>
      <Form.Item name="title" label={pick({ zh: '大赛名称', en: 'Title' })} rules={rules('title')}>
        <Input data-testid="contest-title" />
      </Form.Item>
      <Space wrap>
        <Form.Item
          name="entriesCloseOn"
          label={pick({ zh: '作品提交截止', en: 'Entries close' })}
          rules={required}
        >
          <DatePicker data-testid="contest-entries-close" />
        </Form.Item>
        <Form.Item
          name="judgingCloseOn"
          label={pick({ zh: '评审截止', en: 'Judging closes' })}
          rules={required}
        >
          <DatePicker data-testid="contest-judging-close" />
        </Form.Item>
        <Form.Item name="galaOn" label={pick({ zh: '颁奖（六五）', en: 'Gala (June 5)' })} rules={required}>
          <DatePicker data-testid="contest-gala" />
        </Form.Item>
      </Space>
      <RowList name="categories" label={pick({ zh: '参赛类别', en: 'Categories' })} fields={codeName} />
      <RowList name="ageGroups" label={pick({ zh: '组别', en: 'Age groups' })} fields={codeName} />
      <RowList
        name="rubric"
        label={pick({ zh: '评分标准（权重、分值范围）', en: 'Rubric (weight, score range)' })}
        fields={[
          ...codeName,
          { key: 'weight', label: pick({ zh: '权重', en: 'Weight' }), number: true, width: 80 },
          { key: 'min', label: pick({ zh: '最低', en: 'Min' }), number: true, width: 70 },
          { key: 'max', label: pick({ zh: '最高', en: 'Max' }), number: true, width: 70 },
        ]}
      />
      <Space wrap>
        {(
          [
            ['first', { zh: '一等奖名额', en: 'First prizes' }],
            ['second', { zh: '二等奖名额', en: 'Second prizes' }],
            ['third', { zh: '三等奖名额', en: 'Third prizes' }],
            ['excellence', { zh: '优秀奖名额', en: 'Excellence awards' }],
          ] as const
        ).map(([k, l]) => (
          <Form.Item key={k} name={['quotas', k]} label={pick(l)} rules={required}>
            <InputNumber<number> min={0} />
          </Form.Item>
        ))}
        <Form.Item
          name="judgesPerWork"
          label={pick({ zh: '每件作品评委数', en: 'Judges per work' })}
          rules={rules('judgesPerWork')}
        >
          <InputNumber<number> />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

export function SchoolForm({ contest, onClose }: { contest: Contest; onClose: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<SchoolInput>();
  const units = useUnitOptions();
  const register = useRegisterSchool(contest.id);
  const rules = schemaRules(SchoolInput, t);
  return (
    <FormModal<SchoolInput>
      testId="school-form"
      title={pick({ zh: '学校报名', en: 'Register a school' })}
      form={form}
      initialValues={{ namesConsent: false }}
      saving={register.isPending}
      save={(v) => register.mutateAsync({ ...v, contactPhone: v.contactPhone?.trim() || null })}
      onClose={onClose}
    >
      <Form.Item name="name" label={pick({ zh: '学校', en: 'School' })} rules={rules('name')}>
        <Input data-testid="school-name" />
      </Form.Item>
      <Form.Item
        name="countyUnitId"
        label={pick({ zh: '所在区县（市）', en: 'County' })}
        rules={rules('countyUnitId')}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(units.data ?? []).filter((u) => u.kind === 'countyBureau')}
          data-testid="school-county"
        />
      </Form.Item>
      <Space wrap>
        <Form.Item
          name="contactTeacher"
          label={pick({ zh: '联系老师', en: 'Contact teacher' })}
          rules={rules('contactTeacher')}
        >
          <Input data-testid="school-teacher" />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={pick({ zh: '手机', en: 'Mobile' })}
          rules={rules('contactPhone')}
        >
          <Input />
        </Form.Item>
      </Space>
      <Form.Item
        name="namesConsent"
        valuePropName="checked"
        label={pick({ zh: '同意在获奖展示中公开学生姓名', en: 'Students’ names may be shown publicly' })}
      >
        <Switch />
      </Form.Item>
    </FormModal>
  );
}

export function WorkForm({ contest, onClose }: { contest: Contest; onClose: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<WorkInput>();
  const schools = useSchools(contest.id);
  const enter = useEnterWork(contest.id);
  const rules = schemaRules(WorkInput, t);
  const opts = (xs: Array<{ code: string; name: string }>) =>
    xs.map((x) => ({ value: x.code, label: x.name }));
  return (
    <FormModal<WorkInput>
      testId="work-form"
      title={pick({ zh: '提交作品', en: 'Enter a work' })}
      form={form}
      initialValues={{ category: contest.categories[0]?.code, ageGroup: contest.ageGroups[0]?.code }}
      saving={enter.isPending}
      save={(v) =>
        enter.mutateAsync({
          ...v,
          teacher: v.teacher?.trim() || null,
          description: v.description?.trim() || null,
        })
      }
      onClose={onClose}
    >
      <Form.Item name="schoolId" label={pick({ zh: '学校', en: 'School' })} rules={rules('schoolId')}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={(schools.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          data-testid="work-school"
        />
      </Form.Item>
      <Space wrap>
        <Form.Item name="category" label={pick({ zh: '类别', en: 'Category' })} rules={rules('category')}>
          <Select style={{ width: 140 }} options={opts(contest.categories)} />
        </Form.Item>
        <Form.Item name="ageGroup" label={pick({ zh: '组别', en: 'Age group' })} rules={rules('ageGroup')}>
          <Select style={{ width: 140 }} options={opts(contest.ageGroups)} />
        </Form.Item>
      </Space>
      <Form.Item name="title" label={pick({ zh: '作品名称', en: 'Title' })} rules={rules('title')}>
        <Input data-testid="work-title" />
      </Form.Item>
      <Form.Item
        name="students"
        label={pick({ zh: '学生（以“、”分隔）', en: 'Students (separated by 、)' })}
        rules={rules('students')}
      >
        <Input data-testid="work-students" />
      </Form.Item>
      <Form.Item name="teacher" label={pick({ zh: '指导老师', en: 'Teacher' })} rules={rules('teacher')}>
        <Input />
      </Form.Item>
      <Form.Item
        name="description"
        label={pick({ zh: '作品说明', en: 'Description' })}
        rules={rules('description')}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
