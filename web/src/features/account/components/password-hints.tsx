import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { describePasswordProblem, type PasswordProblem } from '@greenvoice/common';
import { Typography } from 'antd';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';

/** What the new password still lacks, checked as it is typed with the same rules the server applies. */
export function PasswordHints({ password, problems }: { password: string; problems: PasswordProblem[] }) {
  const { t, pick } = useI18n();
  if (!password) return null;
  return (
    <ul
      data-testid="password-hints"
      aria-live="polite"
      style={{ listStyle: 'none', padding: 0, margin: '4px 0 0' }}
    >
      {problems.length === 0 ? (
        <li>
          <Typography.Text type="success">
            <CheckCircleFilled /> {t('password.ok')}
          </Typography.Text>
        </li>
      ) : (
        problems.map((p) => (
          <li key={p.code}>
            <Typography.Text type="danger">
              <CloseCircleFilled /> {pick(describePasswordProblem(p))}
            </Typography.Text>
          </li>
        ))
      )}
    </ul>
  );
}
