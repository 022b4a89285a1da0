// 我的评审: a judge's own sheets, blind (decision 162) — the work's code, category, age group, title,
// description and photos, never school, county or names; a score per rubric criterion inside its range,
// a comment, and a note only judges see. The server re-checks ranges, deadlines and conflicts.
import type { BlindSheet } from '@greenvoice/common';
import { App, Button, Card, Empty, Form, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { PhotoStrip } from '../../../shared/components/photo-strip.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useContests, useMySheets, useScoreSheet } from '../api/contest-api.ts';

interface Values {
  scores: Record<string, number>;
  comment?: string;
  judgeNote?: string;
}

function SheetCard({
  sheet,
  name,
}: {
  sheet: BlindSheet;
  name: (contestId: number, code: string) => string;
}) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const showFormError = useFormErrors(form);
  const score = useScoreSheet();
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={`sheet-${sheet.code}`}
      title={
        <Space wrap>
          <span>{sheet.code}</span>
          <span>{sheet.title}</span>
          {sheet.total !== null ? (
            <Tag color="green">{pick({ zh: `已评 ${sheet.total} 分`, en: `Scored ${sheet.total}` })}</Tag>
          ) : (
            <Tag>{pick({ zh: '未评', en: 'Not scored' })}</Tag>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {sheet.contestTitle} · {name(sheet.contestId, sheet.category)} ·{' '}
        {name(sheet.contestId, sheet.ageGroup)}
        {sheet.description ? ` · ${sheet.description}` : ''}
      </Typography.Paragraph>
      <PhotoStrip
        testId={`sheet-photos-${sheet.code}`}
        photos={sheet.photos}
        canAdd={false}
        adding={false}
        onAdd={() => {}}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        style={{ marginTop: 12 }}
        disabled={!sheet.open}
        initialValues={{
          scores: sheet.scores ?? {},
          comment: sheet.comment ?? undefined,
          judgeNote: sheet.judgeNote ?? undefined,
        }}
        onFinish={(v) =>
          score.mutate(
            {
              sheetId: sheet.sheetId,
              body: {
                scores: v.scores,
                comment: v.comment?.trim() || null,
                judgeNote: v.judgeNote?.trim() || null,
              },
            },
            { onSuccess: () => void message.success(t('common.saved')), onError: showFormError },
          )
        }
      >
        <Space wrap>
          {sheet.rubric.map((c) => (
            <Form.Item
              key={c.code}
              name={['scores', c.code]}
              label={`${c.name}（${c.min}–${c.max}，${pick({ zh: '权重', en: 'weight' })} ${c.weight}）`}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <InputNumber<number> step={0.5} data-testid={`score-${sheet.code}-${c.code}`} />
            </Form.Item>
          ))}
        </Space>
        <Form.Item name="comment" label={pick({ zh: '评语', en: 'Comment' })}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="judgeNote" label={pick({ zh: '评委备注（仅评委可见）', en: 'Note (judges only)' })}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {sheet.open ? (
          <Button
            type="primary"
            htmlType="submit"
            loading={score.isPending}
            data-testid={`sheet-save-${sheet.code}`}
          >
            {pick({ zh: '保存评分', en: 'Save the scores' })}
          </Button>
        ) : (
          <Typography.Text type="secondary">
            {pick({ zh: '评审已结束', en: 'Judging is over' })}
          </Typography.Text>
        )}
      </Form>
    </Card>
  );
}

export function SheetsTab() {
  const { pick } = useI18n();
  const q = useMySheets();
  const contests = useContests();
  const items = q.data?.items ?? [];
  // the sheet carries codes; the contest names them (handicraft → 手工制作)
  const names = new Map(
    (contests.data?.items ?? []).flatMap((c) =>
      [...c.categories, ...c.ageGroups].map((x) => [`${c.id}:${x.code}`, x.name]),
    ),
  );
  const name = (contestId: number, code: string) => names.get(`${contestId}:${code}`) ?? code;
  return (
    <>
      <QueryError error={q.error} />
      <Typography.Paragraph type="secondary">
        {pick({
          zh: '盲评：只显示作品编号、类别、名称、说明和照片。每项得分须在范围内，步长0.5。',
          en: 'Blind: only the work’s code, category, title, description and photos. Each score inside its range, in steps of 0.5.',
        })}
      </Typography.Paragraph>
      {items.map((s) => (
        <SheetCard key={s.sheetId} sheet={s} name={name} />
      ))}
      {q.data && items.length === 0 ? (
        <Empty description={pick({ zh: '没有分配给您的作品', en: 'No works assigned to you' })} />
      ) : null}
    </>
  );
}
