import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** Cost of a new hash: N = 2^15, r = 8, p = 1 takes 32 MiB and ~50–100 ms here, per the OWASP minimum. */
const COST = { N: 2 ** 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Highest N a stored hash may ask for: a tampered row must not make a login allocate gigabytes. */
const MAX_N = 2 ** 20;

function deriveKey(
  password: string,
  salt: Buffer,
  cost: { N: number; r: number; p: number },
  keyBytes = KEY_BYTES,
) {
  // Node refuses more than 32 MiB by default, which N = 2^15, r = 8 just exceeds.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyBytes, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/**
 * Hashes a password with scrypt and a random salt of its own, as `scrypt$N$r$p$salt$hash`
 * (salt and hash base64). The text is normalised to NFC first: "Hòa" typed on two keyboards is one password.
 *
 * @example await hashPassword('mật khẩu đủ dài') // 'scrypt$32768$8$1$…$…'
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether `password` matches `encoded`, compared in constant time; false for a malformed hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText, ...rest] = encoded.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || !saltText || !keyText) return false;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const validCost =
    Number.isInteger(cost.N) &&
    cost.N > 1 &&
    cost.N <= MAX_N &&
    (cost.N & (cost.N - 1)) === 0 &&
    Number.isInteger(cost.r) &&
    cost.r >= 1 &&
    cost.r <= 32 &&
    Number.isInteger(cost.p) &&
    cost.p >= 1 &&
    cost.p <= 16;
  if (!validCost) return false;
  const expected = Buffer.from(keyText, 'base64');
  if (expected.length < 16 || expected.length > 64) return false;
  const key = await deriveKey(password, Buffer.from(saltText, 'base64'), cost, expected.length).catch(
    () => null,
  );
  return key !== null && key.length === expected.length && timingSafeEqual(key, expected);
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the time of a real check when there is no account to check against, so a login for an
 * unknown username takes as long as one with a wrong password and does not reveal which names exist.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummyHash);
  return false;
}
