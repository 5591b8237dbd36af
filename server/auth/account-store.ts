import { randomUUID } from 'node:crypto';
import type { AccountCreate, AccountSummary, AccountUpdate, Role } from '../../domain/account.ts';
import { HttpError, invalidData, notFound } from '../errors.ts';
import { authSql, existingProvincesSql } from '../sql/auth-queries.ts';
import type { SqlClient } from '../store/sql-client.ts';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './password.ts';
import { hashToken, newToken, SESSION_LIFETIME_SECONDS, SESSION_TOUCH_AFTER_SECONDS } from './sessions.ts';

type AccountRow = {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  province_ids: string[] | null;
  disabled: boolean;
};

/** A signed-in session as a request sees it. */
export type SessionRecord = {
  account: AccountSummary;
  csrfToken: string;
  tokenHash: string;
  /** True when the expiry should slide now (last extended over a minute ago). */
  due: boolean;
};

/** A new session: the token goes in the cookie, the CSRF token to the client's script. */
export type NewSession = { token: string; csrfToken: string };

/** Accounts, their passwords and their sessions, over SQL. */
export interface AccountStore {
  /** Creates an account; 409 when the username is taken (whatever its case), 422 for an unknown province. */
  create(input: AccountCreate): Promise<AccountSummary>;
  get(id: string): Promise<AccountSummary | null>;
  list(): Promise<AccountSummary[]>;
  /**
   * The account whose username and password these are, disabled or not; null otherwise. Takes as
   * long for an unknown username as for a wrong password.
   */
  verify(username: string, password: string): Promise<AccountSummary | null>;
  /**
   * Changes the fields given. A new password or disabling ends the account's sessions. 404 when
   * there is no such account, 409 when it would leave no enabled admin, 422 for provinces that do
   * not fit the role or do not exist.
   */
  update(id: string, patch: AccountUpdate): Promise<AccountSummary>;
  /** Whether an enabled admin exists (the create-admin command asks). */
  hasActiveAdmin(): Promise<boolean>;
  createSession(accountId: string): Promise<NewSession>;
  /** The live session of an enabled account for this cookie token; null otherwise. */
  findSession(token: string): Promise<SessionRecord | null>;
  /** Slides a session's expiry another 12 hours. */
  extendSession(tokenHash: string): Promise<void>;
  endSession(tokenHash: string): Promise<void>;
}

function summary(row: AccountRow): AccountSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    provinceIds: row.role === 'editor' ? [...(row.province_ids ?? [])] : [],
    disabled: row.disabled,
  };
}

const usernameTaken = (username: string) =>
  new HttpError(
    409,
    'username_taken',
    `Tên đăng nhập "${username}" đã có người dùng.`,
    `The username "${username}" is already taken.`,
  );

const accountNotFound = (id: string) => notFound({ vi: `tài khoản "${id}"`, en: `Account "${id}"` });

/** The store of accounts and sessions over a SQL client (PGlite or PostgreSQL). */
export function createAccountStore(client: SqlClient): AccountStore {
  async function checkProvinces(tx: SqlClient, provinceIds: readonly string[]) {
    if (provinceIds.length === 0) return;
    const found = new Set(
      (await tx.query<{ id: string }>(existingProvincesSql, [[...provinceIds]])).map((row) => row.id),
    );
    const missing = provinceIds.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw invalidData(`Không có tỉnh: ${missing.join(', ')}.`, `No such province: ${missing.join(', ')}.`);
    }
  }

  return {
    async create(input) {
      const provinceIds = input.role === 'editor' ? [...new Set(input.provinceIds)] : [];
      await checkProvinces(client, provinceIds);
      const [row] = await client.query<AccountRow>(authSql.insertAccount, [
        randomUUID(),
        input.username,
        input.displayName,
        await hashPassword(input.password),
        input.role,
        provinceIds,
      ]);
      if (!row) throw usernameTaken(input.username);
      return summary(row);
    },
    async get(id) {
      const [row] = await client.query<AccountRow>(authSql.accountById, [id]);
      return row ? summary(row) : null;
    },
    async list() {
      return (await client.query<AccountRow>(authSql.listAccounts)).map(summary);
    },
    async verify(username, password) {
      const [row] = await client.query<AccountRow & { password_hash: string }>(authSql.accountByUsername, [
        username,
      ]);
      if (!row) return verifyAgainstNothing(password).then(() => null);
      return (await verifyPassword(password, row.password_hash)) ? summary(row) : null;
    },
    async update(id, patch) {
      const passwordHash = patch.password === undefined ? null : await hashPassword(patch.password);
      return client.transaction(async (tx) => {
        const [current] = await tx.query<AccountRow>(authSql.accountById, [id]);
        if (!current) throw accountNotFound(id);
        const role = patch.role ?? current.role;
        const disabled = patch.disabled ?? current.disabled;
        let provinceIds = patch.provinceIds ? [...new Set(patch.provinceIds)] : (current.province_ids ?? []);
        if (role !== 'editor') {
          if (patch.provinceIds && patch.provinceIds.length > 0) {
            throw invalidData(
              'Chỉ tài khoản biên tập mới được giao tỉnh.',
              'Only an editor account is given provinces.',
            );
          }
          provinceIds = [];
        } else if (provinceIds.length === 0) {
          throw invalidData(
            'Tài khoản biên tập cần được giao ít nhất một tỉnh.',
            'An editor account needs at least one province.',
          );
        }
        await checkProvinces(tx, provinceIds);
        const losesAdmin = current.role === 'admin' && !current.disabled && (role !== 'admin' || disabled);
        if (losesAdmin && (await tx.query(authSql.otherActiveAdmins, [id])).length === 0) {
          throw new HttpError(
            409,
            'last_admin',
            'Không thể bỏ quyền hoặc khóa tài khoản quản trị cuối cùng.',
            'The last enabled administrator cannot be demoted or disabled.',
          );
        }
        const [row] = await tx.query<AccountRow>(authSql.updateAccount, [
          id,
          patch.displayName ?? null,
          role,
          provinceIds,
          disabled,
          passwordHash,
        ]);
        if (!row) throw accountNotFound(id);
        if (passwordHash !== null || disabled) await tx.query(authSql.deleteAccountSessions, [id]);
        return summary(row);
      });
    },
    async hasActiveAdmin() {
      const [row] = await client.query<{ count: number }>(authSql.countActiveAdmins);
      return (row?.count ?? 0) > 0;
    },
    async createSession(accountId) {
      await client.query(authSql.deleteExpiredSessions);
      const token = newToken();
      const csrfToken = newToken();
      await client.query(authSql.insertSession, [
        hashToken(token),
        accountId,
        csrfToken,
        SESSION_LIFETIME_SECONDS,
      ]);
      return { token, csrfToken };
    },
    async findSession(token) {
      const tokenHash = hashToken(token);
      const [row] = await client.query<AccountRow & { csrf_token: string; idle_seconds: number }>(
        authSql.sessionByTokenHash,
        [tokenHash],
      );
      if (!row) return null;
      return {
        account: summary(row),
        csrfToken: row.csrf_token,
        tokenHash,
        due: Number(row.idle_seconds) >= SESSION_TOUCH_AFTER_SECONDS,
      };
    },
    async extendSession(tokenHash) {
      await client.query(authSql.touchSession, [tokenHash, SESSION_LIFETIME_SECONDS]);
    },
    async endSession(tokenHash) {
      await client.query(authSql.deleteSession, [tokenHash]);
    },
  };
}
