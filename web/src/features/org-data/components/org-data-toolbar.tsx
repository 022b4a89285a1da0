import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { EXPORT_URL } from '../api/org-data-api.ts';
import { ImportModal } from './import-modal.tsx';

/** Excel export and import of units and people — the workbook officers already keep. */
export function OrgDataToolbar() {
  const { t } = useI18n();
  const can = useCan();
  const [importing, setImporting] = useState(false);
  return (
    <>
      {can('orgData:export') ? (
        // A plain link: the browser downloads with the session cookie and shows its own progress.
        <Button icon={<DownloadOutlined />} href={EXPORT_URL} download data-testid="org-export">
          {t('import.export')}
        </Button>
      ) : null}
      {can('orgData:import') ? (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="org-import">
          {t('import.open')}
        </Button>
      ) : null}
      {importing ? <ImportModal onClose={() => setImporting(false)} /> : null}
    </>
  );
}
