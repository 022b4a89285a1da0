import type { Person } from '@greenvoice/common';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';

export function isLocked(p: Person): boolean {
  return p.lockedUntil !== null && Date.parse(p.lockedUntil) > Date.now();
}

/** One or more tags: no account / disabled / locked until … / must change password / normal. */
export function AccountState({ person }: { person: Person }) {
  const { t } = useI18n();
  if (!person.username) return <Tag>{t('people.noAccount')}</Tag>;
  const tags = [];
  if (person.disabled)
    tags.push(
      <Tag key="d" color="red">
        {t('people.disabled')}
      </Tag>,
    );
  // Locks last minutes, so the time of day is what matters; the full date is in the tooltip.
  if (isLocked(person))
    tags.push(
      <Tag key="l" color="orange" title={dayjs(person.lockedUntil).format('YYYY-MM-DD HH:mm')}>
        {t('people.lockedUntil', { time: dayjs(person.lockedUntil).format('HH:mm') })}
      </Tag>,
    );
  if (person.mustChangePassword)
    tags.push(
      <Tag key="m" color="gold">
        {t('people.mustChange')}
      </Tag>,
    );
  return tags.length > 0 ? <>{tags}</> : <Tag color="green">{t('people.active')}</Tag>;
}
