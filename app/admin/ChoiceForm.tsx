'use client';
// A setting chosen from a few options: a select and a save button (not saving on change, so that
// moving through the options with the keyboard changes nothing on the way), a visible "saved",
// and the server's refusal where the user is looking. The role of one user and the server's
// sign-up setting are both this form.
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useT } from '@/components/I18nProvider';
import { useJsonRequest } from '@/components/useJsonRequest';

export interface ChoiceFormProps<V extends string> {
  /// Where the choice is POSTed, as `{ [field]: value }`.
  url: string;
  field: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  /// The select's name: a visible label when `visibleLabel`, else its aria-label.
  label: string;
  visibleLabel?: boolean;
  testId?: string;
}

export function ChoiceForm<V extends string>({ url, field, value, options, label, visibleLabel = false, testId }: ChoiceFormProps<V>) {
  const t = useT();
  const router = useRouter();
  const { send, busy, error } = useJsonRequest();
  const [chosen, setChosen] = useState<V>(value);
  const [saved, setSaved] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (await send(url, 'POST', { [field]: chosen })) {
      setSaved(true);
      router.refresh();
    }
  };
  const selectId = `choice-${field}-${url.replace(/\W+/g, '-')}`;
  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2" data-testid={testId}>
      {visibleLabel && <label htmlFor={selectId}>{label}</label>}
      <select
        id={selectId}
        value={chosen}
        onChange={(e) => setChosen(e.target.value as V)}
        aria-label={visibleLabel ? undefined : label}
        className="rounded border border-stone-300 px-2 py-1"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="submit" disabled={busy || chosen === value} className="btn">
        {t('admin.save')}
      </button>
      <span role="status" className="text-green-800">
        {saved ? t('admin.saved') : ''}
      </span>
      {error && (
        <p role="alert" className="w-full text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
