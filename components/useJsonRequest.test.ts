import { describe, expect, it } from 'vitest';
import { catalog, format, type MessageKey } from '@/lib/i18n/messages';
import { describeFailure } from './useJsonRequest';

const ja = (key: MessageKey, params?: Record<string, string | number>) => format(catalog.ja, key, params);
const en = (key: MessageKey, params?: Record<string, string | number>) => format(catalog.en, key, params);

describe('describeFailure', () => {
  it('says the kind of failure in the UI language, with the server’s message as detail', () => {
    expect(describeFailure(ja, 403, 'only the course’s instructors may do this')).toBe('できませんでした — その操作の権限がありません（only the course’s instructors may do this）');
    expect(describeFailure(en, 409, 'the last admin cannot stop being admin')).toBe('Could not do that — it conflicts with another change (the last admin cannot stop being admin)');
    expect(describeFailure(ja, 423)).toBe('できませんでした — 提出済みのため変更できません');
  });

  it('covers statuses it has no word for, and an unreachable server', () => {
    expect(describeFailure(en, 418)).toBe('Could not do that — the request is not valid');
    expect(describeFailure(en, 503)).toBe('Could not do that — the server had an error');
    expect(describeFailure(ja, null)).toBe('できませんでした — サーバーに接続できません');
  });
});
