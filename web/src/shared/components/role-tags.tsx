import { ROLE_LABELS, type Role } from '@greenvoice/common';
import { Tag } from 'antd';
import { useI18n } from '../i18n/use-i18n.ts';

const ROLE_COLORS: Record<Role, string> = {
  admin: 'green',
  reviewer: 'cyan',
  officer: 'blue',
  deputyLeader: 'geekblue',
  leadership: 'purple',
  editor: 'gold',
  reportHandler: 'orange',
  security: 'red',
  auditor: 'magenta',
};

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { pick } = useI18n();
  return (
    <>
      {roles.map((r) => (
        <Tag key={r} color={ROLE_COLORS[r]} style={{ marginInlineEnd: 4 }}>
          {pick(ROLE_LABELS[r])}
        </Tag>
      ))}
    </>
  );
}
