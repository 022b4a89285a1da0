import { Alert, Button, Card, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';

/** The recovery codes, shown once, right after they were made. */
export function RecoveryCodesCard({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <Card
      title={t('totp.recoveryTitle')}
      style={{ maxWidth: 560, marginBottom: 16 }}
      data-testid="totp-recovery-codes"
    >
      <Alert type="warning" showIcon title={t('totp.recoveryText')} style={{ marginBottom: 16 }} />
      <ol style={{ columns: 2, fontSize: 16, marginBottom: 16 }}>
        {codes.map((c) => (
          <li key={c}>
            <Typography.Text className="gv-mono" copyable={false}>
              {c}
            </Typography.Text>
          </li>
        ))}
      </ol>
      <Button type="primary" onClick={onDone} data-testid="totp-recovery-done">
        {t('totp.recoveryDone')}
      </Button>
    </Card>
  );
}
