'use client';
// One user's role (POST /api/users/:id/role).
import { useT } from '@/components/I18nProvider';
import { ACCOUNT_ROLE_VALUES } from '@/lib/classroom/schemas';
import { ChoiceForm } from './ChoiceForm';

type Role = (typeof ACCOUNT_ROLE_VALUES)[number];

export function RoleForm({ userId, name, role }: { userId: string; name: string; role: Role }) {
  const t = useT();
  return (
    <ChoiceForm
      url={`/api/users/${encodeURIComponent(userId)}/role`}
      field="role"
      value={role}
      options={ACCOUNT_ROLE_VALUES.map((r) => ({ value: r, label: t(`auth.role.${r}`) }))}
      label={t('admin.roleFor', { name })}
    />
  );
}
