import { isIP } from 'node:net';
import { z } from 'zod';

/** Names Express gives to address ranges (`proxy-addr`): 127.0.0.0/8, 169.254.0.0/16, 10/8 and the like. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, `address/prefix`, or a range name, as Express's `trust proxy` takes them. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Express's `trust proxy`: off (the default: the client is the socket's peer), how many proxies
 * stand in front (nginx alone: 1), or their addresses. `true` (believe any X-Forwarded-For) is
 * refused: a client could then pick the address the sign-in throttle counts.
 */
const TrustProxy = z
  .string()
  .default('')
  .transform((text, context): false | number | string[] => {
    const value = text.trim();
    if (value === '' || /^(false|off|0)$/i.test(value)) return false;
    if (/^\d{1,2}$/.test(value)) return Number(value);
    if (/^true$/i.test(value)) {
      context.addIssue({
        code: 'custom',
        message:
          'true is refused: any client could then choose its own address; give the number of proxies (1 for nginx alone) or their addresses',
      });
      return z.NEVER;
    }
    const entries = value.split(/[\s,]+/).filter(Boolean);
    const wrong = entries.find((entry) => !isProxyAddress(entry));
    if (wrong !== undefined) {
      context.addIssue({
        code: 'custom',
        message: `"${wrong.slice(0, 40)}" is neither a number of proxies (e.g. 1 for nginx alone) nor a proxy address, address/prefix or loopback|linklocal|uniquelocal`,
      });
      return z.NEVER;
    }
    return entries;
  });
export type TrustProxySetting = z.infer<typeof TrustProxy>;

/** An empty variable counts as unset (`RATE_LIMIT_PER_SECOND=` must not read as 0, "off"). */
const unsetWhenEmpty = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** Addresses the rate limiter never counts: range names or addresses, as TRUST_PROXY takes them; `none` for none. */
const RateLimitExempt = z
  .string()
  .default('loopback')
  .transform((text, context): string[] => {
    const value = text.trim();
    if (value === '' || /^none$/i.test(value)) return [];
    const entries = value.split(/[\s,]+/).filter(Boolean);
    const wrong = entries.find((entry) => !isProxyAddress(entry));
    if (wrong !== undefined) {
      context.addIssue({
        code: 'custom',
        message: `"${wrong.slice(0, 40)}" is neither an address, address/prefix nor loopback|linklocal|uniquelocal (or "none")`,
      });
      return z.NEVER;
    }
    return entries;
  });

/**
 * The per-client limit on answers that cost the database (server/rate-limit.ts). The defaults are
 * far above what a person's browser asks (a map view is a few dozen tiles, most of them cached) and
 * leave loopback alone: the tests, the benchmarks, and a proxy on the same host without TRUST_PROXY
 * (where every client would otherwise share 127.0.0.1's bucket).
 */
export const RateLimitEnvironment = z.object({
  /** Database-costing requests per second a client may sustain; 0 turns the limit off. */
  RATE_LIMIT_PER_SECOND: z.preprocess(unsetWhenEmpty, z.coerce.number().min(0).max(1_000_000).default(50)),
  /** How many it may make at once before the sustained rate applies. */
  RATE_LIMIT_BURST: z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(1).max(1_000_000).default(200)),
  /** Addresses never limited (after TRUST_PROXY picks the client's address); default `loopback`. */
  RATE_LIMIT_EXEMPT: RateLimitExempt,
});

/** The limiter's settings alone, for the app when it is not given them (tests, benchmarks). */
export function readRateLimitSettings(environment: NodeJS.ProcessEnv = process.env) {
  const parsed = RateLimitEnvironment.safeParse(environment);
  if (!parsed.success) throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  return {
    perSecond: parsed.data.RATE_LIMIT_PER_SECOND,
    burst: parsed.data.RATE_LIMIT_BURST,
    exempt: parsed.data.RATE_LIMIT_EXEMPT,
  };
}

const Environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Sites allowed to frame /embed, comma- or space-separated origins; unset: this server only. */
  EMBED_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((text) => text.split(/[\s,]+/).filter(Boolean))
    .pipe(
      z.array(
        z
          .string()
          .regex(
            /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i,
            'each entry must be an origin such as https://sct.khanhhoa.gov.vn (scheme, host, optional port; no path)',
          ),
      ),
    ),
  /** Proxies in front of the app (nginx): hops or addresses; unset: none, the peer is the client. */
  TRUST_PROXY: TrustProxy,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ...RateLimitEnvironment.shape,
});
export type Config = z.infer<typeof Environment>;

/** Reads the environment once at start; a bad value stops the start with the variable named. */
export function readConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Environment.safeParse(environment);
  if (!parsed.success) throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
