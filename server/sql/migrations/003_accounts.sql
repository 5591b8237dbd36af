-- Accounts and their sessions (issue 6). The public reads without an account; writes need one.

create table accounts (
  id text primary key,
  username text not null check (username ~ '^[A-Za-z0-9._-]{3,64}$'),
  display_name text not null check (length(display_name) between 1 and 120),
  -- "scrypt$N$r$p$salt$hash" (server/auth/password.ts); never the password itself.
  password_hash text not null check (password_hash like 'scrypt$%'),
  role text not null check (role in ('admin', 'editor', 'viewer')),
  -- The provinces an editor edits; empty for admins (all) and viewers (none).
  province_ids text[] not null default '{}',
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- One account per username whatever its case: "Admin" and "admin" are the same person.
create unique index accounts_username_lower_idx on accounts (lower(username));

create table sessions (
  -- SHA-256 of the cookie's token, hex: a leaked table does not give working cookies.
  token_hash text primary key,
  account_id text not null references accounts (id) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_account_idx on sessions (account_id);
create index sessions_expires_idx on sessions (expires_at);
