/**
 * Creates an administrator account, the first one usually:
 *   npm run create-admin -- --username admin [--display-name "Nguyễn Văn A"] [--force]
 * The password is read from standard input: typed at a prompt that does not echo it (asked twice),
 * or piped (`echo 'mật khẩu' | npm run create-admin -- --username admin`; the first line is used).
 * Refuses when an enabled admin exists, unless --force. On the embedded database, stop the server
 * first (PGlite is one process's database).
 */
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { AccountCreate } from '../../domain/account.ts';
import { readConfig } from '../config.ts';
import { HttpError } from '../errors.ts';
import { openStore } from '../store/open-store.ts';

/** Reads one line from a terminal without showing it. Ctrl-C cancels. */
function promptHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  let typed = '';
  return new Promise((resolve, reject) => {
    const finish = (error: Error | null) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') return finish(null);
        if (character === '\u0003' || character === '\u0004')
          return finish(new Error('Đã hủy. / Cancelled.'));
        if (character === '\u007f' || character === '\b') typed = Array.from(typed).slice(0, -1).join('');
        else typed += character;
      }
    };
    input.on('data', onData);
  });
}

/** The first line piped to standard input. */
async function readFirstLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.split(/\r?\n/)[0] ?? '';
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine();
  const password = await promptHidden('Mật khẩu / Password: ');
  const again = await promptHidden('Nhập lại / Again: ');
  if (password !== again) throw new Error('Hai lần nhập không khớp. / The two entries differ.');
  return password;
}

const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    'display-name': { type: 'string' },
    force: { type: 'boolean', default: false },
  },
});

async function main() {
  if (!values.username) {
    throw new Error('Cần --username <tên> / --username <name> is needed');
  }
  const input = AccountCreate.safeParse({
    username: values.username,
    displayName: values['display-name'] ?? values.username,
    role: 'admin',
    provinceIds: [],
    password: await readPassword(),
  });
  if (!input.success) {
    const problems = input.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(
      `Không hợp lệ / Invalid (mật khẩu ít nhất 10 ký tự / password at least 10 characters):\n${problems.join('\n')}`,
    );
  }
  const config = readConfig();
  const store = await openStore({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    logger: pino({ level: 'warn' }),
  });
  try {
    if (!values.force && (await store.accounts.hasActiveAdmin())) {
      throw new Error(
        'Đã có tài khoản quản trị; thêm --force để tạo thêm một tài khoản nữa. / ' +
          'An administrator exists already; add --force to create another.',
      );
    }
    const account = await store.accounts.create(input.data);
    console.log(`Đã tạo tài khoản quản trị / Administrator created: ${account.username} (${account.id})`);
  } finally {
    await store.close();
  }
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  console.error(
    error instanceof HttpError ? `${error.messageVi}\n${error.messageEn}` : (error as Error).message,
  );
}
