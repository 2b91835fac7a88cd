/**
 * Generic credentials: `password=`, `api_key:`, `--token`, `Authorization:` headers. No vendor prefix vouches for these,
 * so they are gated hard: a credential-like name must precede the value, and the value must not be a placeholder,
 * templating, code, a path, a URL, a UUID or a word; it needs mixed character classes and a length-dependent entropy.
 * Lower confidence than the vendor rules; the vendor rule wins where both match.
 */
import type { Rule } from '../../types';
import { ALNUM, BASE64URL, DIGITS, DOCUMENTED_EXAMPLE_VALUES, HEX, charClasses, entropy, entropyFloor, fakeUuid, isNonSecretValue, randomChars, secretRule, UUID_VALUE } from './build';

const CONNECTOR = '["\'`]?(?:\\s{0,3}(?::=|=>|=|:)\\s{0,3}|\\s{1,3}is\\s{1,3})["\'`]?';
/**
 * A value runs until a quote, whitespace, separator or bracket; it must end there (not in the middle of code). A full
 * stop right before that end closes the sentence ("my password is Tr0ub4dor&3.") and stays out of the value.
 */
const VALUE = (min: number) => `([^\\s"'\`,;<>(){}\\[\\]]{${min},200}?)(?=\\.?(?:["'\`\\s,;)}\\]]|$))`;

/** Two CJK, kana or Hangul characters in a row: typed through an input method, which password fields do not take. */
const IME_TEXT = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2}/;

/** Passwords are chosen by people: shorter and less random than tokens, but still never words or templating. */
export function looksLikePassword(raw: string): boolean {
  // "…passphrase is optional." — judge the word without the sentence's punctuation.
  const value = raw.replace(/[.,:;!?]+$/, '');
  if (value.length < 6 || isNonSecretValue(value)) return false;
  // "ARIA属性は使用できます" under a "pass" key (an axe message) is text, not a password.
  if (IME_TEXT.test(value)) return false;
  const classes = charClasses(value);
  const letters = classes.lower || classes.upper;
  // Separators `_ . -` do not count as a symbol: `index_info`, `user_pass` are identifiers.
  const kinds = Number(letters) + Number(classes.digit) + Number(classes.symbol);
  if (kinds < 2 && !(value.length >= 12 && classes.lower && classes.upper)) return false;
  return entropy(value) >= (value.length < 12 ? 2.3 : 2.8);
}

/** Tokens and keys are machine-generated: long, mixed and random. */
export function looksLikeToken(value: string): boolean {
  // Under 16 chars, a mixed value next to `token`/`credentials` is more often a type or class name (OAuth2Client).
  if (value.length < 16 || isNonSecretValue(value)) return false;
  // `"?NonExpressionParenEnd"`: an identifier wrapped in punctuation is still an identifier.
  const core = value.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  if (core !== value && isNonSecretValue(core)) return false;
  if (/^(?:sha\d{1,3}|md5)[-:]/i.test(value)) return false; // integrity hashes
  const classes = charClasses(value);
  const letters = classes.lower || classes.upper;
  const mixed = (letters && classes.digit) || (classes.upper && classes.lower && value.length >= 20);
  if (!mixed) return false;
  return entropy(value) >= entropyFloor(value.length);
}

/** Names that hold opaque but non-secret values: pagination cursors, CSRF/nonces, public keys. */
function isBenignName(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 48), start).toLowerCase();
  return /(?:page|next|continuation|cursor|csrf|xsrf|nonce|public|publishable|sitekey|site_key|recaptcha|anon)[\w.-]{0,12}["'`]?\s{0,3}(?::=|=>|=|:|\s)\s{0,3}["'`]?$/.test(before);
}

/** The connector between a name and its value, up to the value (at most 10 characters). Sticky. */
const ASSIGNMENT_TAIL = /["'`]?(?:\s{0,3}(?::=|=>|=|:)\s{0,3}|\s{1,3}is\s{1,3})["'`]?$/y;
const MAX_TAIL = 10;

function isNameCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 46 || code === 45;
}

/**
 * The identifier a value is assigned to: `API_KEY` in `API_KEY=…`, `apiKey` in `{ apiKey: '…' }`. The same answer as
 * `/([A-Za-z0-9_.-]{1,60})<ASSIGNMENT_TAIL>/.exec(before)` (leftmost start, then the longest name), computed from the
 * few positions where the connector can begin instead of trying every start with backtracking.
 */
function assignedName(text: string, valueStart: number): string | null {
  const before = text.slice(Math.max(0, valueStart - 80), valueStart);
  let bestStart = -1;
  let bestEnd = -1;
  // Name ends (connector starts) from the right, so on equal starts the longer name, found first, is kept.
  for (let end = before.length - 1; end >= 1 && end >= before.length - MAX_TAIL; end--) {
    if (!isNameCode(before.charCodeAt(end - 1))) continue;
    ASSIGNMENT_TAIL.lastIndex = end;
    if (!ASSIGNMENT_TAIL.test(before)) continue;
    let start = end - 1;
    while (start > 0 && end - start < 60 && isNameCode(before.charCodeAt(start - 1))) start--;
    if (bestStart === -1 || start < bestStart) {
      bestStart = start;
      bestEnd = end;
    }
  }
  return bestStart === -1 ? null : before.slice(bestStart, bestEnd);
}

/**
 * A name that holds a credential: anything ending in token/secret/credential(s) (`githubToken`, `CLIENT_SECRET`), or
 * a key whose qualifier says it is a credential (`api_key`, `x-api-key`, `signingKey`), not `primary_key`/`cache_key`.
 */
export function isCredentialName(name: string): boolean {
  const lower = name.toLowerCase();
  if (/(?:token|secret|credentials?)$/.test(lower)) return true;
  return /(?:api|access|secret|auth|private|signing|encryption|master|license|subscription|app|client|service|admin|write|ingest|integration|account|developer|consumer|sdk|server|webhook)[_.-]?key$/.test(lower);
}

/**
 * The shell command up to `end`: back to the last line break that is not a `\` continuation, at most 400 characters.
 */
function commandBefore(text: string, end: number): string {
  const from = Math.max(0, end - 400);
  let lineStart = text.lastIndexOf('\n', end - 1);
  while (lineStart > from && text.charCodeAt(lineStart - 1) === 92 /* \ */) lineStart = text.lastIndexOf('\n', lineStart - 1);
  return text.slice(Math.max(from, lineStart + 1), end);
}

/** Whether a command line runs curl (`curl …`, `/usr/bin/curl …`, `$ curl …`), not just mentions the word. */
function isCurlCommand(command: string): boolean {
  return /(?:^|[\s/;&|(`$])curl(?:\.exe)?\s/.test(command);
}

/**
 * `"pass": "Form-elementet bruker ikke …"`: the value opens a quoted string that goes on with more words, so it is the
 * first word of a sentence (a message, a label), not a password, which would end where its quotes close.
 */
function isFirstWordOfQuotedProse(text: string, start: number, length: number): boolean {
  const quote = text[start - 1];
  if (quote !== '"' && quote !== "'" && quote !== '`') return false;
  const after = text.slice(start + length, start + length + 3);
  return /^ +[^\s"'`]/.test(after);
}

/** `-H "X-Api-Key: ` / `--header 'apikey:` right before a header value. */
const HEADER_FLAG_BEFORE = /(?:^|\s)(?:-H|--header)\s{1,3}["']?(?:x-)?api[-_]?key\s{0,3}:\s{0,3}$/i;

const pw = (n: number) => randomChars(9, ALNUM, 'gpw', n) + '!' + randomChars(3, DIGITS, 'gpw2', n);
const tok = (n: number) => randomChars(32, ALNUM, 'gtok', n);

// The catch-all assignment rules go last: on a tie with a more specific rule, the earlier rule names the type.
export const genericRules: Rule[] = [
  secretRule({
    id: 'cli-password-flag',
    type: 'PASSWORD',
    description: 'Password passed as a command-line flag (--password=…, --db-pass …): ends up in shell history and logs.',
    regex: '(?<![A-Za-z0-9-])--(?:[a-z0-9]{1,20}-){0,3}(?:password|passwd|pass|pwd)(?:=|\\s{1,3})["\']?([^\\s"\'`]{6,128})',
    flags: 'i',
    group: 1,
    keywords: ['--'],
    confidence: 0.7,
    allowlist: [],
    validate: (value) => looksLikePassword(value),
    examples: {
      positive: [
        { text: `pg_dump --host db.prod --username backup --password=${pw(4)} orders > orders.sql`, match: pw(4) },
        { text: `az vm create -n web01 --admin-password '${pw(5)}'`, match: pw(5) },
      ],
      negative: ['psql --password $PGPASSWORD', 'mysql --password=<password>', 'kubectl create secret --from-literal=password'],
    },
  }),
  secretRule({
    id: 'cli-token-flag',
    type: 'API_KEY',
    description: 'Token or API key passed as a command-line flag (--token …, --api-key=…): ends up in shell history and logs.',
    regex:
      '(?<![A-Za-z0-9-])--(?:[a-z0-9]{1,20}-){0,3}(?:token|secret|api-key|apikey|access-key|auth-token|client-secret|secret-key|key)(?:=|\\s{1,3})["\']?([^\\s"\'`]{12,200})',
    flags: 'i',
    group: 1,
    keywords: ['--'],
    confidence: 0.65,
    allowlist: [],
    validate: (value) => looksLikeToken(value),
    examples: {
      positive: [
        { text: `vault login --token=${tok(3)}`, match: tok(3) },
        { text: `./deploy.sh --api-key ${tok(4)} --env prod`, match: tok(4) },
      ],
      negative: ['gh auth login --with-token < token.txt', 'deploy --token "$DEPLOY_TOKEN"', '--secret-key-file ./secrets/key.pem'],
    },
  }),
  secretRule({
    id: 'mysql-cli-password',
    type: 'PASSWORD',
    description: 'Password glued to mysql\'s -p flag (mysql -u root -pS3cret): ends up in shell history.',
    regex: '\\s-p([^\\s"\'`-][^\\s"\'`]{3,127})',
    group: 1,
    keywords: ['mysql', 'mariadb'],
    context: ['mysql', 'mysqldump', 'mysqladmin', 'mariadb', 'mysqlimport'],
    requireContext: true,
    contextWindow: 160,
    confidence: 0.8,
    allowlist: [],
    validate: (value) => looksLikePassword(value),
    examples: {
      positive: [{ text: `mysqldump -h db.prod -u backup -p${pw(6)} shop > shop.sql`, match: pw(6) }],
      negative: ['mysql -u root -p shop', 'mysql -u root -p$MYSQL_ROOT_PASSWORD'],
    },
  }),
  secretRule({
    id: 'cli-login-password',
    type: 'PASSWORD',
    description: 'Password given to a login command with -p (docker login, sshpass, helm registry login): ends up in history.',
    regex: '\\s-p\\s{0,3}["\']?([^\\s"\'`-][^\\s"\'`]{3,127})',
    group: 1,
    keywords: ['sshpass', 'login'],
    context: ['sshpass', 'docker login', 'podman login', 'registry login', 'oras login', 'buildah login'],
    requireContext: true,
    contextWindow: 160,
    confidence: 0.8,
    allowlist: [],
    validate: (value) => looksLikePassword(value) || looksLikeToken(value),
    examples: {
      positive: [
        { text: `docker login registry.acme.io -u ci -p ${pw(7)}`, match: pw(7) },
        { text: `sshpass -p '${pw(8)}' ssh deploy@10.0.0.12`, match: pw(8) },
      ],
      negative: ['docker login -u ci -p "$REGISTRY_PASSWORD" registry.acme.io', 'docker login --password-stdin'],
    },
  }),
  secretRule({
    id: 'basic-auth-header',
    type: 'PASSWORD',
    description: 'HTTP Basic credentials (Authorization: Basic base64(user:password)): logs into the service.',
    // `Basic <b64>` with `authorization` just before (context), rather than one case-insensitive regex from the header.
    regex: '\\b[Bb]asic\\s{1,3}([A-Za-z0-9+/]{8,400}={0,2})(?![A-Za-z0-9+/=])',
    group: 1,
    keywords: ['basic '],
    context: ['authorization'],
    allowlist: DOCUMENTED_EXAMPLE_VALUES,
    requireContext: true,
    contextWindow: 40,
    confidence: 0.85,
    validate: (value) => {
      try {
        const decoded = atob(value);
        const colon = decoded.indexOf(':');
        return colon > 0 && /^[\x20-\x7e]+$/.test(decoded) && !isNonSecretValue(decoded.slice(colon + 1)) && decoded.length - colon > 3;
      } catch {
        return false;
      }
    },
    examples: {
      positive: [
        { text: `curl -H "Authorization: Basic ${btoa('svc-export:' + pw(9))}" https://erp.acme.io/api/export`, match: btoa('svc-export:' + pw(9)) },
      ],
      negative: [`Authorization: Basic ${btoa('user:password')}`, 'Authorization: Basic <base64 of user:pass>'],
    },
  }),
  secretRule({
    id: 'bearer-token-header',
    type: 'BEARER_TOKEN',
    description: 'Bearer token in an Authorization header: whoever holds it acts as the caller.',
    regex: 'Authorization["\']?\\s{0,3}[:=]\\s{0,3}["\']?Bearer\\s{1,3}([A-Za-z0-9._~+/-]{16,4000}=*)(?![A-Za-z0-9._~+/=-])',
    flags: 'i',
    group: 1,
    keywords: ['bearer '],
    confidence: 0.75,
    allowlist: [],
    validate: (value) => looksLikeToken(value),
    examples: {
      positive: [
        { text: `curl https://api.acme.io/v1/users -H 'Authorization: Bearer ${tok(5)}'`, match: tok(5) },
        { text: `headers = {"Authorization": "Bearer ${randomChars(48, BASE64URL, 'bearer')}"}`, match: randomChars(48, BASE64URL, 'bearer') },
      ],
      negative: ['Authorization: Bearer $TOKEN', 'Authorization: Bearer <token>', 'Authorization: Bearer YOUR_ACCESS_TOKEN_HERE'],
    },
  }),
  secretRule({
    id: 'curl-user-password',
    type: 'PASSWORD',
    description: 'Password given to curl with -u/--user user:password: ends up in shell history, scripts and CI logs.',
    // The password after the first colon of the -u value; the user name is left to the other rules (it may be an email).
    // The regex starts at the flag (a `curl … -u` regex would re-read the line from every `curl`), spelled as literals so
    // the engine tries it only where the keyword automaton saw one; validate checks that the command is curl.
    regex: '(?<=\\s)(?:-u |-u=|--user |--user=)\\s{0,2}["\']?[^\\s"\':]{1,128}:([^\\s"\']{4,128})',
    group: 1,
    keywords: ['curl'],
    confidence: 0.8,
    allowlist: [],
    validate: (value, text, start) => isCurlCommand(commandBefore(text, start)) && (looksLikePassword(value) || looksLikeToken(value)),
    examples: {
      positive: [
        { text: `curl --cacert ca.crt -u elastic:${pw(10)} https://localhost:9200`, match: pw(10) },
        { text: `curl -s -X POST --user "j.smith@acme.io:${pw(11)}" https://api.acme.io/v1/me`, match: pw(11) },
      ],
      negative: [
        "curl -i -u 'test:test' https://localhost:8080",
        'curl -sL --user "$1:$2" "$3"',
        'curl -u <user:password> https://test.com/endpoint',
        'curl --user neo4j:[PASSWORD] http://[IP]:7474/db/data/',
        'curl -u "${USERNAME}:${PASSWORD}" https://nexus.acme.io',
        'curl -u admin https://localhost:9200', // curl asks for the password
        `curl https://acme.io/upload?user=ops:${pw(12)}`, // no -u flag
      ],
    },
  }),
  secretRule({
    id: 'authorization-token-header',
    type: 'API_KEY',
    description: 'API token in an Authorization header with a non-Bearer scheme (Token, Bot, SSWS, GenieKey, Splunk, Api-Key).',
    regex:
      'Authorization["\']?\\s{0,3}[:=]\\s{0,3}["\']?(?:Token|Bot|SSWS|GenieKey|Splunk|Api-?Key)\\s{1,3}([A-Za-z0-9._~+/-]{16,4000}=*)(?![A-Za-z0-9._~+/=-])',
    flags: 'i',
    group: 1,
    keywords: ['authorization'],
    confidence: 0.75,
    allowlist: [],
    validate: (value) => looksLikeToken(value),
    examples: {
      positive: [
        { text: `curl -H "Authorization: Token ${randomChars(40, HEX, 'authtok', 0)}" -X PUT https://acme.io/api/use/635`, match: randomChars(40, HEX, 'authtok', 0) },
        { text: `headers: { Authorization: 'SSWS ${randomChars(42, BASE64URL, 'authtok', 1)}' }`, match: randomChars(42, BASE64URL, 'authtok', 1) },
      ],
      negative: ['Authorization: Token <your-api-token>', 'Authorization: Token $API_TOKEN', 'Authorization: Bot ${{ secrets.BOT_TOKEN }}'],
    },
  }),
  secretRule({
    id: 'api-key-request-header',
    type: 'API_KEY',
    description: 'API key sent as a request header with curl/httpie (-H "apikey: …"), including UUID-shaped keys.',
    // A UUID is an id in a config file, but as the value of an API-key header on a request it is the key itself. The
    // regex starts at the header name (literals, so it runs only at keyword hits); validate checks the -H before it.
    regex: '(?:x-api-key|x-api_key|x-apikey|api-key|api_key|apikey)\\s{0,3}:\\s{0,3}([A-Za-z0-9._~+/-]{16,200}=*)(?![A-Za-z0-9._~+/=-])',
    flags: 'i',
    group: 1,
    keywords: ['apikey', 'api-key', 'api_key'],
    confidence: 0.75,
    validate: (value, text, start) =>
      HEADER_FLAG_BEFORE.test(text.slice(Math.max(0, start - 40), start)) &&
      (looksLikeToken(value) || (UUID_VALUE.test(value) && entropy(value) >= 3)),
    examples: {
      positive: [
        { text: `curl -X GET \\\n  -H "apikey: ${fakeUuid('apihdr', 0)}" \\\n  -H "Accept: application/json"`, match: fakeUuid('apihdr', 0) },
        { text: `curl -H 'X-Api-Key: ${tok(9)}' https://api.acme.io/v2/orders`, match: tok(9) },
      ],
      negative: ['curl -H "apikey: $SUPABASE_KEY" https://acme.supabase.co', 'curl -H "x-api-key: <your-key>"', 'curl -H "apikey: 00000000-0000-0000-0000-000000000000"'],
    },
  }),
  secretRule({
    id: 'generic-password',
    type: 'PASSWORD',
    description: 'Password assigned in config, code or prose (password=, "pwd": …, "the password is …"): logs into something.',
    regex: `(?:passw(?:or)?d|passphrase|(?<![A-Za-z])pass|(?<![A-Za-z])pwd)(?![A-Za-z0-9])${CONNECTOR}${VALUE(6)}`,
    flags: 'i',
    group: 1,
    keywords: ['pass', 'pwd'],
    confidence: 0.6,
    allowlist: [],
    validate: (value, text, start) => looksLikePassword(value) && !isFirstWordOfQuotedProse(text, start, value.length),
    examples: {
      positive: [
        { text: `DB_PASSWORD=${pw(0)}`, match: pw(0) },
        { text: `  password: "${pw(1)}"`, match: pw(1) },
        { text: `the wifi password is ${pw(2)} by the way`, match: pw(2) },
        { text: `{"username": "svc-report", "pwd": "${pw(3)}"}`, match: pw(3) },
        // The sentence's full stop is not part of the password.
        { text: `The staging password is ${pw(4)}. Rotate it after the demo.`, match: pw(4) },
        { text: `my password is ${pw(5)}.`, match: pw(5) },
      ],
      negative: [
        'password: ${DB_PASSWORD}',
        'password = os.environ["DB_PASSWORD"]',
        'password: string;', // a type annotation
        'password = getPassword()',
        'PASSWORD=changeme',
        'password: "********"',
        'password_reset_url: https://acme.io/reset',
        'the password is correct, the username is wrong',
        'bypass: true',
        'password = config.database.password',
        'password: <your-password>',
        'pass: matchResult?.pass ?? false',
        'object.passphrase is optional. Encrypted keys need it.',
        'index_url, _, index_url_user_password = index_info',
        ':type passphrase: :py:data:`bytes`',
        '"title-only": { "pass": "Form-elementet bruker ikke utelukkende title", "fail": "…" }', // a message, not a password
        '"aria-valid-attr": { "pass": "ARIA属性名が有効です" }', // a message in Japanese
      ],
    },
  }),
  secretRule({
    id: 'generic-api-key',
    type: 'API_KEY',
    description: 'API key, token or secret assigned in config or code (api_key=, "token": …, client_secret: …).',
    // Anchored on the name's last word (few first characters, so V8 scans fast); the whole name is judged in validate.
    regex: `(?:key|token|secret|credentials?)(?![A-Za-z0-9])${CONNECTOR}${VALUE(12)}`,
    flags: 'i',
    group: 1,
    keywords: ['key', 'token', 'secret', 'credential'],
    confidence: 0.55,
    allowlist: DOCUMENTED_EXAMPLE_VALUES,
    validate: (value, text, start) => {
      const name = assignedName(text, start);
      return name !== null && isCredentialName(name) && looksLikeToken(value) && !isBenignName(text, start);
    },
    examples: {
      positive: [
        { text: `API_KEY=${tok(0)}`, match: tok(0) },
        { text: `const client = new Client({ apiKey: '${tok(1)}' });`, match: tok(1) },
        { text: `{ "x-api-key": "${tok(2)}", "region": "eu-west-1" }`, match: tok(2) },
        { text: `client_secret: ${randomChars(40, BASE64URL, 'gcs')}`, match: randomChars(40, BASE64URL, 'gcs') },
        { text: `const githubToken = "${tok(8)}";`, match: tok(8) },
        { text: `The deploy token is ${tok(9)}. It expires on Friday.`, match: tok(9) },
      ],
      negative: [
        'api_key: process.env.API_KEY',
        "api_key = os.environ['API_KEY']",
        'token: ${{ secrets.GITHUB_TOKEN }}',
        'API_KEY=your_api_key_here',
        'apiKey: "<YOUR_API_KEY>"',
        'secret_key_base: 3f1c', // too short
        'googleCredentials: OAuth2Client', // a type annotation
        'token: accessTokenFromCookie', // an identifier
        'next_page_token: CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA0ZmQyMWsSAhgB', // pagination cursor
        'access_token: 123e4567-e89b-42d3-a456-426614174000', // a UUID
        'integrity: sha512-AbCdEfGh0123456789+/AbCdEfGh0123456789==',
        'token_endpoint: https://login.acme.io/oauth2/token',
        'max_tokens: 4096',
        'secret: MY_APP_SECRET_NAME',
        `primary_key: ${tok(6)}`, // a database key, not a credential
        `cache_key = "${tok(7)}"`,
        'lastSignificantToken = "?NonExpressionParenEnd";',
        'lastSignificantToken = "?InterpolationInTemplate";',
      ],
    },
  }),
];
