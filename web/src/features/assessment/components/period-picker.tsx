import type { PeriodKind, PlanSummary } from '@greenvoice/common';
import { Select } from 'antd';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import type { PeriodChoice } from '../api/assessment-api.ts';

const COUNT: Record<PeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1 };

/** Plan, period kind and which one: the controls every assessment page starts with. */
export function PeriodPicker({
  plans,
  planId,
  choice,
  onChange,
  periods = ['month', 'quarter', 'half', 'year'],
}: {
  plans: PlanSummary[];
  planId: number | undefined;
  choice: PeriodChoice;
  onChange: (next: Record<string, string | number | undefined>) => void;
  periods?: PeriodKind[];
}) {
  const { t } = useI18n();
  const n = COUNT[choice.period];
  return (
    <>
      <Select<number>
        style={{ width: 280 }}
        value={planId}
        onChange={(plan) => onChange({ plan })}
        options={plans.map((p) => ({ value: p.id, label: p.title }))}
        data-testid="plan-select"
        aria-label={t('assessment.plan')}
      />
      <Select<PeriodKind>
        style={{ width: 110 }}
        value={choice.period}
        onChange={(period) => onChange({ period, index: undefined })}
        options={periods.map((p) => ({ value: p, label: t(`assessment.period.${p}`) }))}
        data-testid="period-kind"
        aria-label={t('assessment.periodKind')}
      />
      {n > 1 ? (
        <Select<number>
          style={{ width: 120 }}
          value={choice.index}
          placeholder={t('assessment.latest')}
          onChange={(index) => onChange({ index })}
          options={Array.from({ length: n }, (_, i) => ({
            value: i + 1,
            label: t(`assessment.periodIndex.${choice.period}`, {
              n: i + 1,
            }),
          }))}
          data-testid="period-index"
          aria-label={t('assessment.periodIndex')}
        />
      ) : null}
    </>
  );
}
