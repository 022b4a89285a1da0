// One article: its fields and body (editable while a draft), the workflow actions the signed-in person
// may take now, its attachments and its revision history.
import {
  DISCLOSURE_CATEGORIES,
  DISCLOSURE_CATEGORY_LABELS,
  DISCLOSURE_METHOD_LABELS,
  DISCLOSURE_METHODS,
  DOCUMENT_VALIDITIES,
  DOCUMENT_VALIDITY_LABELS,
  type Article,
  type ArticleInput,
} from '@greenvoice/common';
import { App, Button, Card, Col, Form, Input, Result, Row, Select, Skeleton, Space, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../../shared/api/api-error.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useArticle, useChannels, useSaveArticle } from '../hooks/use-cms.ts';
import { ArticleAttachments } from './article-attachments.tsx';
import { ArticleRevisions } from './article-revisions.tsx';
import { ArticleWorkflow } from './article-workflow.tsx';
import { ArticleStatusTag } from './status-tag.tsx';

// The editor (Tiptap and ProseMirror) is its own chunk: lists and tables do not pay for it.
const RichTextEditor = lazy(() => import('./rich-text-editor.tsx'));

type Values = Omit<ArticleInput, 'bodyHtml'>;

export function ArticleEditorPage() {
  const { id: rawId } = useParams();
  const id = rawId && rawId !== 'new' ? Number(rawId) : null;
  const article = useArticle(id);
  if (id !== null && article.isLoading) return <Skeleton active />;
  if (id !== null && article.error)
    return isApiError(article.error) && article.error.status === 404 ? (
      <Result status="404" />
    ) : (
      <QueryError error={article.error} />
    );
  // keyed by version: a save or a transition re-creates the form from the server's record
  return <ArticleForm key={`${id ?? 'new'}-${article.data?.version ?? 0}`} article={article.data ?? null} />;
}

function ArticleForm({ article }: { article: Article | null }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const channels = useChannels();
  const save = useSaveArticle();
  const [form] = Form.useForm<Values>();
  const showFormError = useFormErrors(form);
  const [body, setBody] = useState(article?.bodyHtml ?? '');
  const editable = article === null || article.editable;

  const submit = (values: Values) =>
    save.mutate(
      {
        article,
        values: {
          ...values,
          // a cleared choice is sent as '' (not left out), so clearing it sticks
          disclosureCategory: values.disclosureCategory ?? '',
          writtenOn: values.writtenOn ?? '',
          disclosureMethod: values.disclosureMethod ?? '',
          validity: values.validity ?? '',
          bodyHtml: body,
        },
      },
      {
        onSuccess: (saved) => {
          void message.success(t(article ? 'common.saved' : 'common.created'));
          if (!article) navigate(`/cms/articles/${saved.id}`, { replace: true });
        },
        onError: (err) => {
          showFormError(err);
        },
      },
    );

  return (
    <>
      <PageHeader
        title={article ? article.title : t('cms.newArticle')}
        extra={
          <Space>
            {article ? (
              <ArticleStatusTag
                status={article.status}
                scheduled={article.scheduled}
                archived={article.archived}
              />
            ) : null}
            {article?.status === 'published' && !article.scheduled ? (
              <Button href={`/articles/${article.id}`} target="_blank" rel="noopener">
                {t('cms.viewOnPortal')}
              </Button>
            ) : null}
            <Button onClick={() => navigate('/cms/articles')}>{t('cms.backToList')}</Button>
            {editable ? (
              <Button
                type="primary"
                onClick={() => form.submit()}
                loading={save.isPending}
                data-testid="article-save"
              >
                {t('common.save')}
              </Button>
            ) : null}
          </Space>
        }
      >
        {article?.returnReason && article.status === 'draft' ? (
          <Typography.Text type="danger" data-testid="article-return-reason">
            {t('cms.returnedBecause', { reason: article.returnReason })}
          </Typography.Text>
        ) : null}
      </PageHeader>
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          <Card size="small">
            <Form<Values>
              form={form}
              layout="vertical"
              disabled={!editable}
              onFinish={submit}
              data-testid="article-form"
              initialValues={
                article
                  ? {
                      channelId: article.channelId,
                      title: article.title,
                      docNumber: article.docNumber,
                      indexNumber: article.indexNumber,
                      disclosureCategory: article.disclosureCategory,
                      writtenOn: article.writtenOn,
                      disclosureMethod: article.disclosureMethod,
                      validity: article.validity,
                      issuer: article.issuer,
                      source: article.source,
                      author: article.author,
                      keywords: article.keywords,
                      summary: article.summary,
                    }
                  : {}
              }
            >
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item
                    name="channelId"
                    label={t('cms.channel')}
                    rules={[{ required: true, message: t('cms.channelRequired') }]}
                  >
                    <Select
                      data-testid="article-channel"
                      options={(channels.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                      loading={channels.isLoading}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <Form.Item
                    name="title"
                    label={t('cms.title')}
                    rules={[
                      { required: true, whitespace: true, message: t('cms.titleRequired') },
                      { max: 200, message: t('common.maxLength', { max: 200 }) },
                    ]}
                  >
                    <Input data-testid="article-title" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="docNumber" label={t('cms.docNumber')} extra={t('cms.docNumberHint')}>
                    <Input maxLength={60} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="issuer" label={t('cms.issuer')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="indexNumber" label={t('cms.indexNumber')}>
                    <Input maxLength={60} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="disclosureCategory" label={t('cms.disclosureCategory')}>
                    <Select
                      allowClear
                      options={DISCLOSURE_CATEGORIES.map((c) => ({
                        value: c,
                        label: pick(DISCLOSURE_CATEGORY_LABELS[c]),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item
                    name="writtenOn"
                    label={t('cms.writtenOn')}
                    rules={[{ pattern: /^(\d{4}-\d{2}-\d{2})?$/, message: t('cms.writtenOnFormat') }]}
                  >
                    <Input placeholder="2018-03-20" maxLength={10} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name="disclosureMethod" label={t('cms.disclosureMethod')}>
                    <Select
                      allowClear
                      options={DISCLOSURE_METHODS.map((c) => ({
                        value: c,
                        label: pick(DISCLOSURE_METHOD_LABELS[c]),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name="validity" label={t('cms.validity')}>
                    <Select
                      allowClear
                      options={DOCUMENT_VALIDITIES.map((c) => ({
                        value: c,
                        label: pick(DOCUMENT_VALIDITY_LABELS[c]),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="source" label={t('cms.source')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="author" label={t('cms.author')}>
                    <Input maxLength={60} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name="keywords" label={t('cms.keywords')}>
                    <Input maxLength={200} />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item name="summary" label={t('cms.summary')}>
                    <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
                  </Form.Item>
                </Col>
              </Row>
            </Form>
            <Typography.Text strong>{t('cms.body')}</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                <RichTextEditor value={body} onChange={setBody} editable={editable} />
              </Suspense>
            </div>
            {editable ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('cms.pasteHint')}
              </Typography.Paragraph>
            ) : (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('cms.lockedHint')}
              </Typography.Paragraph>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={7}>
          {article ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <ArticleWorkflow article={article} />
              <ArticleAttachments article={article} />
              <ArticleRevisions article={article} />
            </Space>
          ) : (
            <Card size="small">{t('cms.saveFirst')}</Card>
          )}
        </Col>
      </Row>
    </>
  );
}
