/** An account's public columns: the fields of `AccountRow` (server/auth/account-store.ts). */
const accountColumns = 'a.id, a.username, a.display_name, a.role, a.province_ids, a.disabled';

/** Accounts and sessions. Every value is a parameter; usernames are compared by `lower()`. */
export const authSql = {
  /** $1 id, $2 username, $3 display name, $4 password hash, $5 role, $6 province ids. */
  insertAccount: `
    insert into accounts as a (id, username, display_name, password_hash, role, province_ids)
    values ($1, $2, $3, $4, $5, $6::text[])
    on conflict ((lower(username))) do nothing
    returning ${accountColumns}`,
  listAccounts: `select ${accountColumns} from accounts a order by lower(a.username)`,
  accountById: `select ${accountColumns} from accounts a where a.id = $1`,
  /** With the password hash, for a login. */
  accountByUsername: `
    select ${accountColumns}, a.password_hash from accounts a where lower(a.username) = lower($1)`,
  /**
   * $1 id; $2 display name, $3 role, $4 province ids, $5 disabled, $6 password hash: a null keeps
   * the stored value.
   */
  updateAccount: `
    update accounts as a set
      display_name = coalesce($2, a.display_name),
      role = coalesce($3, a.role),
      province_ids = coalesce($4::text[], a.province_ids),
      disabled = coalesce($5::boolean, a.disabled),
      password_hash = coalesce($6, a.password_hash),
      updated_at = now()
    where a.id = $1
    returning ${accountColumns}`,
  /** Enabled admins other than $1, locked until the transaction ends so two demotions cannot race. */
  otherActiveAdmins: `
    select id from accounts where role = 'admin' and not disabled and id <> $1 for update`,
  countActiveAdmins: `select count(*)::int as count from accounts where role = 'admin' and not disabled`,

  /** $1 token hash, $2 account id, $3 CSRF token, $4 lifetime in seconds. */
  insertSession: `
    insert into sessions (token_hash, account_id, csrf_token, expires_at)
    values ($1, $2, $3, now() + make_interval(secs => $4::float8))
    returning expires_at`,
  /** A live session of an enabled account, with the account; seconds since it was last extended. */
  sessionByTokenHash: `
    select ${accountColumns}, s.csrf_token,
      extract(epoch from (now() - s.last_seen_at))::float8 as idle_seconds
    from sessions s join accounts a on a.id = s.account_id
    where s.token_hash = $1 and s.expires_at > now() and not a.disabled`,
  /** Slides the expiry: $1 token hash, $2 lifetime in seconds. */
  touchSession: `
    update sessions set last_seen_at = now(), expires_at = now() + make_interval(secs => $2::float8)
    where token_hash = $1`,
  deleteSession: 'delete from sessions where token_hash = $1',
  deleteAccountSessions: 'delete from sessions where account_id = $1',
  deleteExpiredSessions: 'delete from sessions where expires_at <= now()',
};

/** Which of the province ids $1 exist. */
export const existingProvincesSql = 'select id from provinces where id = any($1::text[])';
