'use client';
// The server's sign-up setting (POST /api/settings): who may create an account.
import { useT } from '@/components/I18nProvider';
import { SIGN_UP_MODES, type SignUpMode } from '@/lib/db/settings';
import { ChoiceForm } from './ChoiceForm';

export function SignUpForm({ mode }: { mode: SignUpMode }) {
  const t = useT();
  return (
    <ChoiceForm
      url="/api/settings"
      field="signUp"
      value={mode}
      options={SIGN_UP_MODES.map((m) => ({ value: m, label: t(`admin.signUp.${m}`) }))}
      label={t('admin.signUpLabel')}
      visibleLabel
      testId="signup-setting"
    />
  );
}
