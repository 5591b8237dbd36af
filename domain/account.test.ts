import { describe, expect, test } from 'vitest';
import { AccountCreate, AccountUpdate, canEditProvince, roleAtLeast } from './account.ts';

describe('canEditProvince', () => {
  const editor = { role: 'editor' as const, provinceIds: ['khanh-hoa'], disabled: false };

  test('an admin edits every province', () => {
    expect(canEditProvince({ role: 'admin', provinceIds: [], disabled: false }, 'hoa-binh')).toBe(true);
  });

  test('an editor edits only the provinces given to them', () => {
    expect(canEditProvince(editor, 'khanh-hoa')).toBe(true);
    expect(canEditProvince(editor, 'hoa-binh')).toBe(false);
  });

  test('a viewer, nobody, and a disabled account edit nothing', () => {
    expect(
      canEditProvince({ role: 'viewer', provinceIds: ['khanh-hoa'], disabled: false }, 'khanh-hoa'),
    ).toBe(false);
    expect(canEditProvince(null, 'khanh-hoa')).toBe(false);
    expect(canEditProvince({ ...editor, disabled: true }, 'khanh-hoa')).toBe(false);
  });
});

describe('roleAtLeast', () => {
  test('orders viewer < editor < admin', () => {
    expect(roleAtLeast('admin', 'editor')).toBe(true);
    expect(roleAtLeast('editor', 'editor')).toBe(true);
    expect(roleAtLeast('viewer', 'editor')).toBe(false);
  });
});

describe('account schemas', () => {
  const base = { username: 'nva', displayName: 'Nguyễn Văn A', password: 'mot-hai-ba-bon' };

  test('an editor needs a province, an admin takes none', () => {
    expect(AccountCreate.safeParse({ ...base, role: 'editor' }).success).toBe(false);
    expect(AccountCreate.safeParse({ ...base, role: 'editor', provinceIds: ['khanh-hoa'] }).success).toBe(
      true,
    );
    expect(AccountCreate.safeParse({ ...base, role: 'admin', provinceIds: ['khanh-hoa'] }).success).toBe(
      false,
    );
  });

  test('a password shorter than ten characters is refused', () => {
    expect(AccountCreate.safeParse({ ...base, role: 'viewer', password: 'short' }).success).toBe(false);
    expect(AccountUpdate.safeParse({ password: '123456789' }).success).toBe(false);
  });

  test('unknown fields are refused, so a typo does not pass silently', () => {
    expect(AccountUpdate.safeParse({ disabld: true }).success).toBe(false);
  });
});
