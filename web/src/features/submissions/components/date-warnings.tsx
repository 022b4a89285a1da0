// What a piece of this date counts for (decision 133): outside every plan's year, or in a month whose
// bulletin is published (that bulletin stays as published). Warnings only; the officer still reports it.
import type { DateCheck } from '@greenvoice/common';
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { api, withQuery } from '../../../shared/api/api-client.ts';
import { keys } from '../../../shared/api/query-keys.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';

export function DateWarnings({ date }: { date: string | null }) {
  const { pick } = useI18n();
  const check = useQuery({
    queryKey: keys.assessment.dateCheck(date ?? ''),
    queryFn: () => api.get<DateCheck>(withQuery('/api/v1/assessment/date-check', { date: date! })),
    enabled: !!date,
    staleTime: 60_000,
  });
  if (!check.data?.warnings.length) return null;
  return (
    <>
      {check.data.warnings.map((w) => (
        <Alert
          key={w.code}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={pick({ zh: w.message, en: w.messageEn })}
          data-testid={`date-warning-${w.code}`}
        />
      ))}
    </>
  );
}
