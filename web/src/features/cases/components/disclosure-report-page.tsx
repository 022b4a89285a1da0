// 政府信息公开年度报告 in the console (decision 148): the year's report as the national template has it
// — the counted tables shown as they will print — with the parts the system cannot know entered here;
// the Word file (GB/T 9704) and, once, the draft article in the annual-report channel, which then goes
// through the portal's usual reviews.
import type { DisclosureReportEntered, DisclosureReportView } from '@greenvoice/common';
import { FileWordOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keys } from '../../../shared/api/query-keys.ts';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { ListPage, ListTable, SelectFilter } from '../../../shared/list/list-page.tsx';
import {
  disclosureReportDocx,
  getDisclosureReport,
  makeDisclosureArticle,
  saveDisclosureReport,
} from '../api/interaction-api.ts';

const FOUR = ['维持', '纠正', '其他', '尚未审结'];

export function DisclosureReportPage() {
  const { pick } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year') ?? thisYear - 1);
  const report = useQuery({ queryKey: keys.cases.report(year), queryFn: () => getDisclosureReport(year) });
  const [form] = Form.useForm<DisclosureReportEntered>();
  const onError = useFormErrors(form);
  const notifyError = useNotifyError();
  const r = report.data;
  useEffect(() => {
    if (r) form.setFieldsValue(r.entered);
  }, [r, form]);
  const set = (next: DisclosureReportView) => {
    client.setQueryData(keys.cases.report(year), next);
    message.success(pick({ zh: '已保存', en: 'Saved' }));
  };
  const save = useMutation({
    mutationFn: (entered: DisclosureReportEntered) =>
      saveDisclosureReport(year, { version: r!.version, entered }),
    onSuccess: set,
    onError,
  });
  const article = useMutation({
    mutationFn: () => makeDisclosureArticle(year),
    onSuccess: set,
    onError: notifyError,
  });
  const years = Array.from({ length: thisYear - 2017 }, (_, i) => thisYear - i);
  const n = (name: string | [string, number], label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <InputNumber min={0} style={{ width: 110 }} />
    </Form.Item>
  );
  return (
    <ListPage
      title={pick({ zh: '政府信息公开年度报告', en: 'Annual disclosure report' })}
      intro={pick({
        zh: '按国办公开办函〔2021〕30号格式，系统统计主动公开和依申请公开数据，其余由工作人员填写；每年1月31日前公布。',
        en: 'In the national format: the system counts disclosures and requests, staff enter the rest; due by 31 January.',
      })}
      actions={
        <Space wrap>
          <Button icon={<FileWordOutlined />} href={disclosureReportDocx(year)} data-testid="report-docx">
            {pick({ zh: '下载 Word', en: 'Word file' })}
          </Button>
          {r?.articleId ? (
            <Link to={`/cms/articles/${r.articleId}`} data-testid="report-article-link">
              {pick({ zh: '查看网站稿件', en: 'The portal article' })}
            </Link>
          ) : (
            <Button
              type="primary"
              disabled={!r || r.version === 0}
              loading={article.isPending}
              onClick={() => article.mutate()}
              data-testid="report-article"
            >
              {pick({ zh: '生成网站稿件（年度报告栏目）', en: 'Make the portal article' })}
            </Button>
          )}
        </Space>
      }
      filters={
        <SelectFilter<number>
          testId="report-year"
          placeholder={pick({ zh: '年度', en: 'Year' })}
          value={year}
          onChange={(v) => setParams(v ? { year: String(v) } : {})}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
      }
      error={report.error}
    >
      {r ? (
        <>
          <Typography.Title level={4} data-testid="report-title">
            {r.title}
          </Typography.Title>
          {r.sections.map((s, i) => (
            <div key={s.heading}>
              <Typography.Title level={5}>{s.heading}</Typography.Title>
              {s.paragraphs.map((p) => (
                <Typography.Paragraph key={p}>{p}</Typography.Paragraph>
              ))}
              {r.tables
                .filter((t) => t.section === i + 1)
                .map((t) => (
                  <ListTable<string[]>
                    key={t.caption}
                    testId={`report-table-${t.section}`}
                    size="small"
                    bordered
                    title={() => t.caption}
                    pagination={false}
                    rowKey={(row) => row[0]!}
                    dataSource={t.rows}
                    columns={t.headers.map((h, ci) => ({
                      title: h,
                      key: h,
                      render: (_: unknown, row: string[]) => row[ci],
                    }))}
                  />
                ))}
            </div>
          ))}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {pick({ zh: '工作人员填写', en: 'Entered by staff' })}
          </Typography.Title>
          <Form form={form} layout="vertical" onFinish={(v) => save.mutate({ ...r.entered, ...v })}>
            <Form.Item
              name="overview"
              label={pick({ zh: '总体情况（补充说明）', en: 'Overview (added text)' })}
            >
              <Input.TextArea rows={3} data-testid="report-overview" />
            </Form.Item>
            <Space wrap>
              {n('rulesMade', '规章：本年制发')}
              {n('rulesRepealed', '规章：本年废止')}
              {n('rulesInForce', '规章：现行有效')}
              {n('enforcement', '行政强制')}
              <Form.Item name="feesWan" label="行政事业性收费（万元）" rules={[{ required: true }]}>
                <InputNumber min={0} step={0.01} style={{ width: 130 }} />
              </Form.Item>
            </Space>
            {(['review', 'litigationDirect', 'litigationAfterReview'] as const).map((k) => (
              <Space wrap key={k}>
                {FOUR.map((f, i) =>
                  n(
                    [k, i],
                    `${k === 'review' ? '行政复议' : k === 'litigationDirect' ? '直接起诉' : '复议后起诉'}：${f}`,
                  ),
                )}
              </Space>
            ))}
            <Form.Item name="problems" label="存在的主要问题及改进情况">
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="otherMatters" label="其他需要报告的事项">
              <Input.TextArea rows={2} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="report-save">
              {pick({ zh: '保存', en: 'Save' })}
            </Button>
          </Form>
        </>
      ) : null}
    </ListPage>
  );
}
