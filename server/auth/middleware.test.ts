import type { Request } from 'express';
import { describe, expect, test } from 'vitest';
import type { AccountSummary } from '../../domain/account.ts';
import { HttpError } from '../errors.ts';
import { assertProvinceEditor, requireProvinceEditor, requireRole } from './middleware.ts';

const account = (role: AccountSummary['role'], provinceIds: string[] = []): AccountSummary => ({
  id: role,
  username: role,
  displayName: role,
  role,
  provinceIds,
  disabled: false,
});
const requestAs = (who: AccountSummary | null) => ({ account: who }) as Request;

/** The status a middleware answers with: 0 when it lets the request through. */
async function statusOf(run: (next: () => void) => unknown): Promise<number> {
  try {
    let passed = false;
    await run(() => {
      passed = true;
    });
    return passed ? 0 : -1;
  } catch (error) {
    if (error instanceof HttpError) return error.status;
    throw error;
  }
}

describe('requireRole', () => {
  const adminOnly = requireRole('admin');
  test('answers 401 for the public, 403 for a lesser role, and lets the role through', async () => {
    expect(await statusOf((next) => adminOnly(requestAs(null), {} as never, next))).toBe(401);
    expect(
      await statusOf((next) => adminOnly(requestAs(account('editor', ['khanh-hoa'])), {} as never, next)),
    ).toBe(403);
    expect(await statusOf((next) => adminOnly(requestAs(account('admin')), {} as never, next))).toBe(0);
  });
});

describe('requireProvinceEditor', () => {
  const guard = requireProvinceEditor(async () => 'khanh-hoa');
  test('lets through an admin and the province’s editor, refuses other editors and viewers', async () => {
    const run = (who: AccountSummary | null) => statusOf((next) => guard(requestAs(who), {} as never, next));
    expect(await run(null)).toBe(401);
    expect(await run(account('viewer'))).toBe(403);
    expect(await run(account('editor', ['hoa-binh']))).toBe(403);
    expect(await run(account('editor', ['khanh-hoa']))).toBe(0);
    expect(await run(account('admin'))).toBe(0);
  });

  test('assertProvinceEditor gives back the account it lets through', () => {
    const editor = account('editor', ['khanh-hoa']);
    expect(assertProvinceEditor(requestAs(editor), 'khanh-hoa')).toBe(editor);
    expect(() => assertProvinceEditor(requestAs(editor), 'hoa-binh')).toThrow(HttpError);
  });
});
