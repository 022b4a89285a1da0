// THE export button of a console list (decision 126): a link to the list's .xlsx route with the list's
// current filters (paging left out: the file is the whole result) and the console's language. A plain
// link, so the browser streams the download straight to disk however long the list is.
import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { withQuery } from '../api/api-client.ts';
import { useI18n } from '../i18n/use-i18n.ts';

type Filter = string | number | boolean | null | undefined;

export function ExportButton(props: {
  /** the list's export route, e.g. /api/v1/submissions/export.xlsx */
  href: string;
  /** the list's filters as it sends them; page and pageSize are dropped */
  filters?: object;
  testId: string;
}) {
  const { t, lang } = useI18n();
  const { page: _page, pageSize: _pageSize, ...filters } = (props.filters ?? {}) as Record<string, Filter>;
  return (
    <Tooltip title={t('list.exportHint')}>
      <Button
        icon={<FileExcelOutlined />}
        href={withQuery(props.href, { ...filters, lang })}
        download
        data-testid={props.testId}
      >
        {t('list.export')}
      </Button>
    </Tooltip>
  );
}
