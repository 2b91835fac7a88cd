/**
 * Deterministic benchmark inputs: chat prompts that mix prose, code, logs, config, secrets and PII, the way people
 * paste them into an assistant. Seeded, so every run (and every tool) sees the same bytes.
 */

let state = 0x5eed;
export function reseed(seed: number): void {
  state = seed >>> 0;
}
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const chars = (length: number, alphabet = ALNUM) => Array.from({ length }, () => pick([...alphabet])).join('');

function luhnCard(prefix: string, length = 16): string {
  let digits = prefix;
  while (digits.length < length - 1) digits += String(Math.floor(random() * 10));
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits + String((10 - (sum % 10)) % 10);
}

const FIRST = ['Maria', 'James', 'Aiko', 'Oluwaseun', 'Priya', 'Lukas', 'Sofia', 'Mateo', 'Hannah', 'Wei'];
const LAST = ['Garcia', 'Thompson', 'Nakamura', 'Adeyemi', 'Sharma', 'Becker', 'Rossi', 'Fernandez', 'Schmidt', 'Chen'];
const COMPANIES = ['northwind-logistics.com', 'quantaflux.io', 'harborview-clinic.org', 'acme-corp.com', 'bluepeak.dev'];

const secrets: Array<() => string> = [
  () => `GITHUB_TOKEN=ghp_${chars(36)}`,
  () => `OPENAI_API_KEY=sk-proj-${chars(80)}T3BlbkFJ${chars(60)}`,
  () => `aws_access_key_id = AKIA${chars(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}\naws_secret_access_key = ${chars(40)}`,
  () => `STRIPE_SECRET_KEY=sk_live_${chars(99)}`,
  () => `const slack = new WebClient('xoxb-${chars(11, '0123456789')}-${chars(12, '0123456789')}-${chars(24)}');`,
  () => `DATABASE_URL=postgres://app:${chars(12)}!${chars(3, '0123456789')}@db.internal:5432/orders`,
  () => `ANTHROPIC_API_KEY=sk-ant-api03-${chars(93)}AA`,
  () => `curl -H "Authorization: Bearer ${chars(40)}" https://api.internal.example/v1/me`,
  () => `password: "${chars(8)}#${chars(4, '0123456789')}"`,
  () => `-----BEGIN OPENSSH PRIVATE KEY-----\n${(chars(800).match(/.{1,70}/g) ?? []).join('\n')}\n-----END OPENSSH PRIVATE KEY-----`,
  () => `npm config set //registry.npmjs.org/:_authToken npm_${chars(36)}`,
  () => `hf_${chars(34, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')}`,
];

const pii: Array<() => string> = [
  () => `${pick(FIRST)} ${pick(LAST)} <${pick(FIRST).toLowerCase()}.${pick(LAST).toLowerCase()}@${pick(COMPANIES)}>`,
  () => `call me at (415) 555-${String(1000 + Math.floor(random() * 8999))}`,
  () => `card ${luhnCard('4')} exp 09/28`,
  () => `SSN ${100 + Math.floor(random() * 600)}-${10 + Math.floor(random() * 80)}-${1000 + Math.floor(random() * 8999)}`,
  () => `IBAN DE89 3704 0044 0532 0130 00`,
  () => `server 10.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}.${Math.floor(random() * 255)}`,
];

const prose = [
  'I am trying to get our deployment pipeline working again after the migration and I keep hitting the same error.',
  'Could you explain what this function does and whether there is a simpler way to write it?',
  'The customer reported that the export button does nothing on Safari, but it works fine on Chrome.',
  'We moved the service to a new cluster last week and since then the nightly job times out.',
  'Please summarise the following meeting notes in five bullet points for the weekly update.',
  'Here is the stack trace from production, the error only happens when the cache is cold.',
  'Rewrite this paragraph so it sounds friendlier but keeps all the technical details.',
  'Our team is evaluating two approaches for rate limiting and I would like a comparison.',
  'The config below used to work with version 3 of the SDK, after upgrading to 4 it fails.',
  'Can you write unit tests for this module, covering the error paths as well?',
];

const code = [
  'function retry(fn, attempts = 3) {\n  return fn().catch((err) => (attempts > 1 ? retry(fn, attempts - 1) : Promise.reject(err)));\n}',
  'def load_config(path):\n    with open(path) as fh:\n        data = yaml.safe_load(fh)\n    return Config(**data)',
  'SELECT customer_id, SUM(total) AS revenue FROM orders WHERE created_at > NOW() - INTERVAL 30 DAY GROUP BY 1;',
  'Traceback (most recent call last):\n  File "worker.py", line 88, in run\n    resp.raise_for_status()\nrequests.exceptions.HTTPError: 401 Client Error',
  'const handler = async (event) => {\n  const body = JSON.parse(event.body ?? "{}");\n  return { statusCode: 200, body: JSON.stringify({ ok: true, id: body.id }) };\n};',
  `2025-03-14T09:21:44Z INFO request_id=${chars(8, HEX)}-${chars(4, HEX)} path=/v1/orders status=200 duration_ms=41`,
  `commit ${chars(40, HEX)}\n    fix: handle empty cart in checkout`,
];

/** One prompt of roughly `targetBytes` (never much shorter): prose and code with a few secrets and PII mixed in. */
export function makePrompt(targetBytes: number): string {
  const parts: string[] = [pick(prose)];
  while (parts.join('\n').length < targetBytes) {
    const roll = random();
    if (roll < 0.45) parts.push(pick(prose));
    else if (roll < 0.75) parts.push('```\n' + pick(code) + '\n```');
    else if (roll < 0.88) parts.push(pick(secrets)());
    else parts.push(`Contact: ${pick(pii)()}.`);
  }
  return parts.join('\n');
}

/** `count` prompts with sizes spread like real ones: mostly 300 B - 3 KB, some up to 8 KB. */
export function makePrompts(count: number, seed = 0x5eed): string[] {
  reseed(seed);
  const prompts: string[] = [];
  for (let i = 0; i < count; i++) {
    const size = random() < 0.85 ? 300 + Math.floor(random() * 2700) : 3000 + Math.floor(random() * 5000);
    prompts.push(makePrompt(size));
  }
  return prompts;
}

/** A text of exactly `bytes` UTF-16 code units (ASCII here), built from prompts. */
export function makeText(bytes: number, seed = 0xb16): string {
  reseed(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const prompt = makePrompt(2000);
    parts.push(prompt);
    length += prompt.length + 2;
  }
  return parts.join('\n\n').slice(0, bytes);
}
