import { z } from 'zod';
import { vocabulary } from './vocabulary.ts';

/**
 * Who may do what. The public (no account) reads only; a `viewer` signs in and reads; an `editor`
 * edits the clusters of the provinces given to them; an `admin` edits everything and manages accounts.
 */
export const roles = vocabulary({
  admin: { vi: 'Quản trị', en: 'Administrator' },
  editor: { vi: 'Biên tập', en: 'Editor' },
  viewer: { vi: 'Xem', en: 'Viewer' },
});

export const Role = z.enum(roles.codes);
export type Role = z.infer<typeof Role>;

const ROLE_RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

/**
 * Whether `role` is at least `minimum` (viewer < editor < admin).
 *
 * @example roleAtLeast('admin', 'editor') // true
 */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

/** A province id as the API writes it: lower-case letters, digits and hyphens (`khanh-hoa`). */
export const ProvinceId = z.string().regex(/^[a-z0-9-]{1,64}$/);

/** Letters, digits, `.`, `_`, `-`; compared without regard to case (`Admin` and `admin` are one). */
export const Username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/);

/** An account as the API shows it: never its password hash. */
export const AccountSummary = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  /** The provinces an editor edits; empty for admins (who edit all) and viewers (who edit none). */
  provinceIds: z.array(ProvinceId),
  disabled: z.boolean(),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

/** `GET /api/auth/session`, and the answer to a login: who is signed in, and the token writes carry. */
export const SessionInfo = z.object({
  account: AccountSummary.nullable(),
  /** Sent back in the `X-CSRF-Token` header of every write; null when nobody is signed in. */
  csrfToken: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** `GET /api/accounts` */
export const AccountList = z.object({ accounts: z.array(AccountSummary) });
export type AccountList = z.infer<typeof AccountList>;

/** `POST /api/auth/login` */
export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** Shortest password an account may be given. */
export const PASSWORD_MIN_LENGTH = 10;
export const Password = z.string().min(PASSWORD_MIN_LENGTH).max(1024);

const DisplayName = z.string().trim().min(1).max(120);

/** An editor must be given at least one province; the others are given none. */
function provincesFitRole(value: { role?: Role | undefined; provinceIds?: string[] | undefined }) {
  if (value.role === undefined || value.provinceIds === undefined) return true;
  return value.role === 'editor' ? value.provinceIds.length > 0 : value.provinceIds.length === 0;
}
const provincesMessage = 'an editor needs at least one province; admins and viewers take none';

/** `POST /api/accounts` */
export const AccountCreate = z
  .object({
    username: Username,
    displayName: DisplayName,
    role: Role,
    provinceIds: z.array(ProvinceId).max(100).default([]),
    password: Password,
  })
  .strict()
  .refine(provincesFitRole, { message: provincesMessage, path: ['provinceIds'] });
export type AccountCreate = z.infer<typeof AccountCreate>;

/** `PATCH /api/accounts/{id}`: only the fields given change; `password` resets it. */
export const AccountUpdate = z
  .object({
    displayName: DisplayName.optional(),
    role: Role.optional(),
    provinceIds: z.array(ProvinceId).max(100).optional(),
    disabled: z.boolean().optional(),
    password: Password.optional(),
  })
  .strict()
  .refine(provincesFitRole, { message: provincesMessage, path: ['provinceIds'] });
export type AccountUpdate = z.infer<typeof AccountUpdate>;

/**
 * Whether an account may edit a province's data: an admin edits every province, an editor those
 * given to them, a viewer (or nobody) none. A disabled account edits nothing.
 *
 * @example canEditProvince({ role: 'editor', provinceIds: ['khanh-hoa'], disabled: false }, 'khanh-hoa') // true
 */
export function canEditProvince(
  account: Pick<AccountSummary, 'role' | 'provinceIds' | 'disabled'> | null,
  provinceId: string,
): boolean {
  if (!account || account.disabled) return false;
  if (account.role === 'admin') return true;
  return account.role === 'editor' && account.provinceIds.includes(provinceId);
}
