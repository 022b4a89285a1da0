import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import type { Person } from '@greenvoice/common';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useRevealMobile } from '../hooks/use-people.ts';

/** The masked number, and for those allowed an eye button that fetches (and audits) the full one. */
export function MobileCell({ person, canReveal }: { person: Person; canReveal: boolean }) {
  const { t } = useI18n();
  const notifyError = useNotifyError();
  const reveal = useRevealMobile();
  const [full, setFull] = useState<string | null>(null);

  if (!person.mobileMasked) return <Typography.Text type="secondary">—</Typography.Text>;
  const toggle = () => {
    if (full) {
      setFull(null);
      return;
    }
    reveal.mutate(person.id, { onSuccess: (r) => setFull(r.mobile), onError: notifyError });
  };
  return (
    <Space size={2}>
      <span data-testid={`mobile-${person.id}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {full ?? person.mobileMasked}
      </span>
      {canReveal ? (
        <Tooltip title={full ? t('people.hideMobile') : t('people.revealMobile')}>
          <Button
            type="text"
            size="small"
            loading={reveal.isPending}
            icon={full ? <EyeInvisibleOutlined /> : <EyeOutlined />}
            aria-label={full ? t('people.hideMobile') : t('people.revealMobile')}
            onClick={toggle}
            data-testid={`reveal-mobile-${person.id}`}
          />
        </Tooltip>
      ) : null}
    </Space>
  );
}
