/**
 * Helpers shared by the secret rule files: a compact rule builder, token boundaries, placeholder filters and a
 * deterministic fake-token generator for the rules' own examples.
 *
 * Why generated examples: a literal `sk_live_…` or Slack webhook in the source tree looks like a leak to push protection
 * and to other scanners. The examples are instead built at load time from a seeded PRNG, so they are format-valid but
 * never real, and the source holds only prefixes.
 */
import { escapeRegex } from '../../escape-regex';
import { shannonEntropy } from '../../entropy';
import type { Rule, RuleExamples } from '../../types';

export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const LOWER = 'abcdefghijklmnopqrstuvwxyz';
export const DIGITS = '0123456789';
export const ALNUM = UPPER + LOWER + DIGITS;
export const LOWER_ALNUM = LOWER + DIGITS;
export const UPPER_ALNUM = UPPER + DIGITS;
export const HEX = '0123456789abcdef';
export const BASE64 = ALNUM + '+/';
export const BASE64URL = ALNUM + '_-';
export const BASE32_LOWER = 'abcdefghijklmnopqrstuvwxyz234567';

function hashSeed(text: string): number {
  // FNV-1a: a stable 32-bit seed from the example's description.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: tiny, seedable, good enough to make format-valid fake tokens. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random-looking characters, deterministic for a given (label, length, alphabet, variant). */
export function randomChars(length: number, alphabet: string = ALNUM, label = '', variant = 0): string {
  const next = prng(hashSeed(`${label}|${length}|${alphabet}|${variant}`));
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

/** A fake token: `prefix` + `length` random chars from `alphabet` + `suffix`. */
export function fake(prefix: string, length: number, alphabet: string = ALNUM, variant = 0, suffix = ''): string {
  return prefix + randomChars(length, alphabet, prefix + suffix, variant) + suffix;
}

/** A fake RFC 4122-shaped UUID (lower-case hex). */
export function fakeUuid(label: string, variant = 0): string {
  const hex = randomChars(32, HEX, 'uuid:' + label, variant);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Wraps a token regex in word-ish boundaries: no identifier char before, no token char after (the token must start
 * with a word character). `tail` is the character
 * class (inside brackets) that must not follow; add `-` or `.` for formats whose body can contain them.
 */
export function bounded(source: string, tail = 'A-Za-z0-9_'): string {
  // Every token starts with a word character, so `\b` equals "no identifier char before" and, unlike a leading
  // lookbehind, keeps V8's fast scan for the literal prefix.
  // An empty tail means no trailing check: for bodies that contain their own prefix's characters (`glpat-` in
  // `[\\w-]`), a failing tail check after a long greedy body is what makes backtracking expensive.
  return tail === '' ? `\\b(?:${source})` : `\\b(?:${source})(?![${tail}])`;
}

/**
 * A value assigned to a name: `NAME=value`, `name: "value"`, `"name": "value"`, `name => 'value'`, `name is value`,
 * and Makefile/shell forms `NAME ?= value`, `NAME += value`, `NAME ::= value`.
 * `name` is a regex source matched case-insensitively by the caller's `i` flag; up to 24 name chars may follow it
 * (`DATADOG_API_KEY`, `datadog app key`). The value is capture group 1.
 */
const NAME_WORDS =
  '(?:[ ](?:api|app|access|secret|private|auth|client|account|key|token|id|pat|personal|service|admin|server|license|master|write|read|ingest|integration|bot|user|cloud|global|live|prod|production|org|project|workspace|deploy|webhook|signing|session|refresh|oauth|legacy|management|auth|authtoken|rest|join)){0,3}';

export function assigned(name: string, value: string, tail = 'A-Za-z0-9_'): string {
  // Name chars, then prose words separated by single spaces, then one connector: kept unambiguous so it stays linear.
  return (
    `(?:${name})[\\w.-]{0,24}?${NAME_WORDS}["'\`]?` +
    `(?:\\s{0,3}(?::{1,3}=|=>|[?+]?=|:)\\s{0,3}|\\s{1,3}(?:is\\s{1,3})?)["'\`]?(${value})(?![${tail}])`
  );
}

/**
 * Obvious documentation placeholders and templating: never a live secret. Applied to the value as an allowlist.
 * Kept conservative for vendor tokens: random 30+ char bodies almost never contain these by chance.
 */
/** Credentials printed in RFCs and vendor docs (RFC 6749 examples, jwt.io's sample token): known, public, not secrets. */
export const DOCUMENTED_EXAMPLE_VALUES: RegExp[] = [
  /^czZCaGRSa3F0MzpnWDFmQmF0M2JW$/, // RFC 6749 client s6BhdRkqt3:gX1fBat3bV
  /^(?:2YotnFZFEjr1zCsicMWpAA|tGzv3JOkF0XG5Qx2TlKWIA|SplxlOBeZQQYbYS6WxSbIA)$/, // RFC 6749 tokens and code
  /^eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ\./, // jwt.io
  // The Stripe test key printed on every API reference page (built from parts: this file holds no key-shaped text).
  new RegExp(`^sk_${'test'}_4eC39HqLyjWDarjtT1zdp7dc$`),
];

/** A UUID: an identifier in config, though some services issue their API keys in this shape. */
export const UUID_VALUE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const PLACEHOLDER_ALLOWLIST: RegExp[] = [
  /x{5,}|X{5,}|\*{4,}|\.{3}|•{3,}/,
  /example|sample|dummy|placeholder|changeme|change_me|redacted|your[_-]?(?:api|key|token|secret|pass)|insert[_-]?your|replace[_-]?me/i,
  /\$\{|\{\{|<[a-z_ -]{2,40}>|%\(|%s\b/i,
  /^(.)\1+$/,
  /(?:0123456789|abcdefghij|1234567890)/i,
];

/** Values that are code or templating rather than literal secrets. */
const INDIRECT_VALUE =
  /^(?:\$[A-Za-z_{(]|%[A-Za-z_]+%$|process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv|env\(|env\.|secrets\.|vars\.|ENV\[|System\.getenv|config\.|settings\.|self\.|this\.|args\.|options\.|opts\.|params\.|request\.|req\.|ctx\.|context\.|vault:|ref\+|op:\/\/|arn:aws:|projects\/[^/]+\/secrets\/)/i;

const STOPWORD_VALUES = new Set([
  'null', 'none', 'nil', 'undefined', 'true', 'false', 'string', 'str', 'required', 'optional', 'empty', 'default',
  'hidden', 'masked', 'secret', 'password', 'passwd', 'token', 'value', 'int', 'bool', 'boolean', 'env', 'config',
  'auto', 'off', 'on', 'yes', 'no', 'unset', 'notset', 'n/a', 'na', 'tbd', 'todo', 'fixme', 'admin', 'root', 'guest',
  'user', 'username', 'pass', 'test', 'testing', 'demo', 'foo', 'bar', 'foobar', 'baz', 'qwerty', 'letmein', 'postgres',
  'mysql', 'redis', 'sa', 'secret123', 'password123', 'pass123', 'admin123', 'abc123', 'mypassword', 'mysecret',
  'yourpassword', 'your_password', 'pa55word', 'p@ssw0rd', 'p@ssword', 'hunter2', 'supersecret', 'topsecret',
  'secretkey', 'apikey', 'api_key', 'access_token', 'bearer', 'basic', 'generated', 'random', 'prompt', 'ask',
]);

const STOPWORD_SUBSTRINGS = [
  'example', 'sample', 'dummy', 'placeholder', 'changeme', 'change_me', 'change-me', 'redacted', 'your_', 'your-',
  'yourkey', 'yourtoken', 'yoursecret', 'xxxx', '****', '...', '<', '>', '${', '{{', '}}', '$(', '%s', '%(', 'insert',
  'replace', 'todo', 'fixme', 'lorem', 'notreal', 'not_real', 'not-real', 'fake', 'mock', 'test', 'dummy', 'password',
  'passwd', 'secret', 'token', 'apikey', 'api_key', 'api-key', 'here', 'goes', 'sha256:', 'sha1:', 'md5:',
];

/** Any of STOPWORD_SUBSTRINGS, in one regex pass (a quarter of the time of one `includes` per word). */
const STOPWORD_SUBSTRING = new RegExp(STOPWORD_SUBSTRINGS.map(escapeRegex).join('|'));

/** True when a generic-assignment value is a placeholder, templating, code or a stopword rather than a secret. */
export function isNonSecretValue(value: string): boolean {
  const lower = value.toLowerCase();
  if (STOPWORD_VALUES.has(lower)) return true;
  if (INDIRECT_VALUE.test(value)) return true;
  if (STOPWORD_SUBSTRING.test(lower)) return true;
  if (/^(.)\1+$/.test(value)) return true;
  if (/:\/\//.test(value)) return true; // a URL without credentials; credentialed URLs have their own rule
  if (/^[./~\\]|^[A-Za-z]:\\|\/[\w.-]+\//.test(value)) return true; // file paths
  if (/^[!~-]?[A-Za-z_$][\w$]*(?:[?!]?\.[A-Za-z_$][\w$]*)+[!?]?$/.test(value)) return true; // a.b.c, !a?.b: code
  if (/^[a-z]{2,}(?:[A-Z][a-z0-9]+)+$|^[A-Z][a-z]{2,}(?:[A-Z][a-z0-9]+)+$/.test(value)) return true; // camelCase/PascalCase
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value) && !/\d{3}/.test(value)) return true; // CONSTANT_NAMES
  if (UUID_VALUE.test(value)) return true; // UUIDs are ids
  if (/^\d+(?:\.\d+)*$/.test(value)) return true; // numbers, versions
  if (/^\$(?:2[abxy]?|1|5|6|argon2(?:id|i|d)?|scrypt|pbkdf2[\w-]*)\$|^pbkdf2_|^\{(?:SSHA|SHA|SMD5|CRYPT)\}/i.test(value)) return true; // password hashes
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return true; // dates
  if (/^[:=]/.test(value)) return true; // markup or syntax (`:py:data:`), not a value
  return false;
}

export interface CharClasses {
  lower: boolean;
  upper: boolean;
  digit: boolean;
  /** Symbols other than the identifier separators `_ - .` */
  symbol: boolean;
}

export function charClasses(value: string): CharClasses {
  return {
    lower: /[a-z]/.test(value),
    upper: /[A-Z]/.test(value),
    digit: /\d/.test(value),
    symbol: /[^A-Za-z0-9_.-]/.test(value),
  };
}

/** Entropy floor that rises with length: short random strings cannot reach the entropy long ones do. */
export function entropyFloor(length: number): number {
  if (length < 12) return 2.5;
  if (length < 16) return 3.0;
  if (length < 24) return 3.3;
  return 3.5;
}

export function entropy(value: string): number {
  return shannonEntropy(value);
}

/** Entropy of the value without its fixed vendor prefix. */
export function bodyEntropyAtLeast(prefixLength: number, floor: number): (value: string) => boolean {
  return (value) => shannonEntropy(value.slice(prefixLength)) >= floor;
}

export interface RuleSpec extends Omit<Rule, 'pattern' | 'kind'> {
  /** Regex source; compiled with `g` (+`d` when `group` is set) plus `flags`. */
  regex: string;
  flags?: string;
}

/** Builds a secret rule from a spec: compiles the regex with the flags the engine needs and applies defaults. */
export function secretRule(spec: RuleSpec): Rule {
  const { regex, flags = '', ...rest } = spec;
  const allFlags = 'g' + (spec.group ? 'd' : '') + flags.replace(/[gd]/g, '');
  return {
    kind: 'secret',
    allowlist: PLACEHOLDER_ALLOWLIST,
    ...rest,
    pattern: new RegExp(regex, allFlags),
  };
}

export interface VendorTokenSpec extends Omit<RuleSpec, 'examples' | 'regex'> {
  /** Token regex source without boundaries (wrapped by `bounded`). */
  token: string;
  /** Boundary tail class, see `bounded`. */
  tail?: string;
  /** The literal prefix, used to build the placeholder negative. */
  prefix: string;
  /** Makes the n-th fake example token. */
  sample: (variant: number) => string;
  /** Extra negatives beyond the automatic placeholder and embedded-in-identifier ones. */
  negatives?: string[];
  /** Extra positives beyond the two automatic ones. */
  positives?: RuleExamples['positive'];
}

/**
 * A vendor token with a distinctive prefix. Examples: two generated tokens (one in an env line, one bare in prose) are
 * positives; a `x`-filled placeholder of the same shape and the token glued into an identifier are negatives.
 */
export function vendorToken(spec: VendorTokenSpec): Rule {
  const { token, tail, prefix, sample, negatives = [], positives = [], ...rest } = spec;
  const first = sample(0);
  const second = sample(1);
  const placeholder = prefix + 'x'.repeat(Math.max(8, first.length - prefix.length));
  return secretRule({
    confidence: 0.9,
    entropy: 3,
    ...rest,
    regex: bounded(token, tail),
    examples: {
      positive: [
        { text: `${spec.type}=${first}`, match: first },
        { text: `here is the key I am using: ${second} - why does the call fail?`, match: second },
        ...positives,
      ],
      negative: [
        `token: ${placeholder}`, // documentation placeholder of the right shape
        `id_${first}`, // glued into a longer identifier: not a token boundary
        ...negatives,
      ],
    },
  });
}

export interface ContextKeySpec extends Omit<RuleSpec, 'examples' | 'regex' | 'group'> {
  /** Regex source for the name that must precede the value (vendor name, env var name). */
  name: string;
  /** Regex source of the bare value. */
  value: string;
  tail?: string;
  /** Makes the n-th fake value. */
  sample: (variant: number) => string;
  /** How the name is written in the positive examples, e.g. `DATADOG_API_KEY` and `datadog api key`. */
  labels: [string, string];
  negatives?: string[];
}

/**
 * A key without a distinctive prefix (32 hex, 40 alnum...): only reported when assigned to a vendor-named variable or
 * introduced by the vendor's name. Negatives: the same value without the vendor name, and a placeholder.
 */
export function contextKey(spec: ContextKeySpec): Rule {
  const { name, value, tail, sample, labels, negatives = [], ...rest } = spec;
  const first = sample(0);
  const second = sample(1);
  return secretRule({
    // 0.9 = what the engine gives a validated generic match, so on a tie the vendor rule (listed first) names the type.
    confidence: 0.9,
    entropy: 3,
    flags: 'i',
    ...rest,
    regex: assigned(name, value, tail),
    group: 1,
    examples: {
      positive: [
        { text: `${labels[0]}=${first}`, match: first },
        { text: `my ${labels[1]}: "${second}"`, match: second },
      ],
      negative: [
        `build id ${first} finished`, // same shape, no vendor name: could be any id or hash
        `${labels[0]}=<your-key-here>`, // placeholder
        ...negatives,
      ],
    },
  });
}
