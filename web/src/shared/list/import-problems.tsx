// The validation report of a refused import (422 IMPORT_REJECTED): every problem the server names, as
// row · column · reason, in a paged table — so a person can fix the file without guessing. Renders nothing
// for any other outcome; the caller shows other errors its own way.
import { Alert, Card } from 'antd';
import { isApiError } from '../api/api-error.ts';
import { useI18n } from '../i18n/use-i18n.ts';
import { ListTable } from './list-page.tsx';
import { useLocalPagination } from './use-server-pagination.ts';

/** `12/阅读次数` → row 12, column 阅读次数; a field without a row (`file`, `header`) keeps only its column */
export function parseProblemField(field: string): { row: string; column: string } {
  const i = field.indexOf('/');
  return i === -1 ? { row: '', column: field } : { row: field.slice(0, i), column: field.slice(i + 1) };
}

export const isImportRejected = (error: unknown) => isApiError(error) && error.code === 'IMPORT_REJECTED';

export function ImportProblems({ error, testId }: { error: unknown; testId: string }) {
  const { pick } = useI18n();
  const pages = useLocalPagination(15);
  if (!isApiError(error) || error.code !== 'IMPORT_REJECTED') return null;
  const rows = error.fields.map((f, i) => ({
    key: i,
    ...parseProblemField(f.field),
    message: pick({ zh: f.message, en: f.messageEn }),
  }));
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid={testId}>
      <Alert
        type="error"
        showIcon
        style={{ marginBottom: 12 }}
        title={pick({
          zh: `文件未导入：以下 ${rows.length} 处问题改正后请重新导入（一行有错即整个文件不导入）`,
          en: `Nothing was imported: fix the ${rows.length} problems below and import again (one bad row refuses the file)`,
        })}
      />
      <ListTable
        testId={`${testId}-table`}
        rowKey="key"
        dataSource={rows}
        pagination={pages}
        columns={[
          { title: pick({ zh: '行', en: 'Row' }), dataIndex: 'row', width: 80 },
          { title: pick({ zh: '列', en: 'Column' }), dataIndex: 'column', width: 140 },
          { title: pick({ zh: '原因', en: 'Reason' }), dataIndex: 'message' },
        ]}
      />
    </Card>
  );
}
