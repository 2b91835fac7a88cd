/**
 * Generates test/corpus/detection/secrets.jsonl: realistic chat prompts that paste config, .env files, code, curl
 * commands, logs and stack traces with secrets in them (positives), and look-alikes that are not secrets (negatives:
 * docs placeholders, hashes, UUIDs, public keys, the AWS documentation keys, identifiers, templating).
 *
 * Deterministic (seeded PRNG), so the file only changes when this script does. Every value is synthetic: random bodies
 * in the vendor's shape, never a real credential. Run: npx tsx scripts/make-secret-corpus.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// ---------- seeded randomness ----------
let state = 20261121;
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const HEX = '0123456789abcdef';
const B64 = ALNUM + '+/';
const B64URL = ALNUM + '_-';
const chars = (length: number, alphabet = ALNUM) => Array.from({ length }, () => pick([...alphabet])).join('');
const uuid = () => `${chars(8, HEX)}-${chars(4, HEX)}-4${chars(3, HEX)}-a${chars(3, HEX)}-${chars(12, HEX)}`;
const password = () => chars(4, UPPER + LOWER) + pick(['#', '!', '%', '^', '*', '_', '-']) + chars(4, DIGITS) + chars(4, ALNUM);
/** Passwords inside URLs use only characters allowed unescaped in userinfo. */
const urlPassword = () => chars(4, UPPER + LOWER) + pick(['!', '*', '_', '-', '.', '~']) + chars(4, DIGITS) + chars(4, ALNUM);
const b64url = (text: string) => Buffer.from(text).toString('base64url');

// ---------- vendor formats: value generator, placeholder type, and a variable name ----------
interface Format {
  name: string;
  type: string;
  env: string;
  vendor: string;
  make: () => string;
  /** Prefixed formats can appear anywhere; context formats only right after their vendor-named variable. */
  prefixed: boolean;
}
const F = (name: string, type: string, env: string, vendor: string, make: () => string, prefixed = true): Format => ({
  name, type, env, vendor, make, prefixed,
});
const formats: Format[] = [
  F('aws-access-key-id', 'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS', () => pick(['AKIA', 'ASIA']) + chars(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')),
  F('aws-secret', 'AWS_SECRET_KEY', 'AWS_SECRET_ACCESS_KEY', 'AWS', () => chars(40, B64), false),
  F('google-api-key', 'GOOGLE_API_KEY', 'GOOGLE_API_KEY', 'Gemini', () => 'AIza' + chars(35, B64URL)),
  F('gcp-oauth-secret', 'GOOGLE_OAUTH_SECRET', 'GOOGLE_CLIENT_SECRET', 'Google OAuth', () => 'GOCSPX-' + chars(28, B64URL)),
  F('digitalocean', 'DIGITALOCEAN_TOKEN', 'DIGITALOCEAN_TOKEN', 'DigitalOcean', () => 'dop_v1_' + chars(64, HEX)),
  F('alibaba', 'ALIBABA_ACCESS_KEY', 'ALIBABA_CLOUD_ACCESS_KEY_ID', 'Alibaba Cloud', () => 'LTAI' + chars(20)),
  F('heroku-v2', 'HEROKU_API_KEY', 'HEROKU_API_KEY', 'Heroku', () => 'HRKU-AA' + chars(58, B64URL)),
  F('heroku-uuid', 'HEROKU_API_KEY', 'HEROKU_API_KEY', 'Heroku', uuid, false),
  F('vercel', 'VERCEL_TOKEN', 'VERCEL_TOKEN', 'Vercel', () => 'vcp_' + chars(56)),
  F('netlify', 'NETLIFY_TOKEN', 'NETLIFY_AUTH_TOKEN', 'Netlify', () => 'nfp_' + chars(36)),
  F('flyio', 'FLYIO_TOKEN', 'FLY_API_TOKEN', 'Fly.io', () => 'fo1_' + chars(43, B64URL)),
  F('cloudflare', 'CLOUDFLARE_TOKEN', 'CLOUDFLARE_API_TOKEN', 'Cloudflare', () => chars(40, B64URL), false),
  F('supabase', 'SUPABASE_TOKEN', 'SUPABASE_ACCESS_TOKEN', 'Supabase', () => 'sbp_' + chars(40, HEX)),
  F('planetscale', 'PLANETSCALE_TOKEN', 'PLANETSCALE_PASSWORD', 'PlanetScale', () => 'pscale_pw_' + chars(43, B64URL)),
  F('tailscale', 'TAILSCALE_KEY', 'TS_AUTHKEY', 'Tailscale', () => `tskey-auth-${chars(11)}CNTRL-${chars(33)}`),
  F('databricks', 'DATABRICKS_TOKEN', 'DATABRICKS_TOKEN', 'Databricks', () => 'dapi' + chars(32, HEX)),
  F('openai-proj', 'OPENAI_API_KEY', 'OPENAI_API_KEY', 'OpenAI', () => `sk-proj-${chars(74, B64URL)}T3BlbkFJ${chars(74, B64URL)}`),
  F('openai-svc', 'OPENAI_API_KEY', 'OPENAI_API_KEY', 'OpenAI', () => `sk-svcacct-${chars(74, B64URL)}T3BlbkFJ${chars(74, B64URL)}`),
  F('openai-legacy', 'OPENAI_API_KEY', 'OPENAI_API_KEY', 'OpenAI', () => `sk-${chars(20)}T3BlbkFJ${chars(20)}`),
  F('anthropic', 'ANTHROPIC_API_KEY', 'ANTHROPIC_API_KEY', 'Anthropic', () => `sk-ant-api03-${chars(93, B64URL)}AA`),
  F('anthropic-admin', 'ANTHROPIC_API_KEY', 'ANTHROPIC_ADMIN_KEY', 'Anthropic', () => `sk-ant-admin01-${chars(93, B64URL)}AA`),
  F('huggingface', 'HUGGINGFACE_TOKEN', 'HF_TOKEN', 'Hugging Face', () => 'hf_' + chars(34, UPPER + LOWER)),
  F('groq', 'GROQ_API_KEY', 'GROQ_API_KEY', 'Groq', () => 'gsk_' + chars(52)),
  F('replicate', 'REPLICATE_TOKEN', 'REPLICATE_API_TOKEN', 'Replicate', () => 'r8_' + chars(37)),
  F('perplexity', 'PERPLEXITY_API_KEY', 'PERPLEXITY_API_KEY', 'Perplexity', () => 'pplx-' + chars(48)),
  F('xai', 'XAI_API_KEY', 'XAI_API_KEY', 'xAI', () => 'xai-' + chars(80)),
  F('openrouter', 'OPENROUTER_API_KEY', 'OPENROUTER_API_KEY', 'OpenRouter', () => 'sk-or-v1-' + chars(64, HEX)),
  F('cohere', 'COHERE_API_KEY', 'COHERE_API_KEY', 'Cohere', () => chars(40), false),
  F('mistral', 'MISTRAL_API_KEY', 'MISTRAL_API_KEY', 'Mistral', () => chars(32), false),
  F('deepseek', 'DEEPSEEK_API_KEY', 'DEEPSEEK_API_KEY', 'DeepSeek', () => 'sk-' + chars(32, HEX), false),
  F('together', 'TOGETHER_API_KEY', 'TOGETHER_API_KEY', 'Together', () => chars(64, HEX), false),
  F('langsmith', 'LANGSMITH_API_KEY', 'LANGSMITH_API_KEY', 'LangSmith', () => `lsv2_pt_${chars(32, HEX)}_${chars(10, HEX)}`),
  F('pinecone', 'PINECONE_API_KEY', 'PINECONE_API_KEY', 'Pinecone', () => `pcsk_${chars(6)}_${chars(63)}`),
  F('nvidia', 'NVIDIA_API_KEY', 'NVIDIA_API_KEY', 'NVIDIA', () => 'nvapi-' + chars(64, B64URL)),
  F('github-pat', 'GITHUB_TOKEN', 'GITHUB_TOKEN', 'GitHub', () => 'ghp_' + chars(36)),
  F('github-oauth', 'GITHUB_TOKEN', 'GH_TOKEN', 'GitHub', () => 'gho_' + chars(36)),
  F('github-app', 'GITHUB_TOKEN', 'GITHUB_APP_TOKEN', 'GitHub', () => 'ghs_' + chars(36)),
  F('github-fine', 'GITHUB_TOKEN', 'GITHUB_TOKEN', 'GitHub', () => `github_pat_${chars(22)}_${chars(59)}`),
  F('gitlab-pat', 'GITLAB_TOKEN', 'GITLAB_TOKEN', 'GitLab', () => 'glpat-' + chars(20, B64URL)),
  F('gitlab-deploy', 'GITLAB_TOKEN', 'CI_DEPLOY_TOKEN', 'GitLab', () => 'gldt-' + chars(20, B64URL)),
  F('gitlab-runner', 'GITLAB_TOKEN', 'RUNNER_TOKEN', 'GitLab', () => 'glrt-' + chars(20, B64URL)),
  F('bitbucket', 'BITBUCKET_TOKEN', 'BITBUCKET_APP_PASSWORD', 'Bitbucket', () => 'ATBB' + chars(32)),
  F('stripe-live', 'STRIPE_KEY', 'STRIPE_SECRET_KEY', 'Stripe', () => 'sk_live_' + chars(pick([24, 99]))),
  F('stripe-restricted', 'STRIPE_KEY', 'STRIPE_RESTRICTED_KEY', 'Stripe', () => 'rk_live_' + chars(99)),
  F('stripe-webhook', 'STRIPE_KEY', 'STRIPE_WEBHOOK_SECRET', 'Stripe', () => 'whsec_' + chars(32)),
  F('square', 'SQUARE_TOKEN', 'SQUARE_ACCESS_TOKEN', 'Square', () => 'EAAA' + chars(60, B64URL)),
  F('shopify', 'SHOPIFY_TOKEN', 'SHOPIFY_ACCESS_TOKEN', 'Shopify', () => 'shpat_' + chars(32, HEX)),
  F('shopify-secret', 'SHOPIFY_TOKEN', 'SHOPIFY_API_SECRET', 'Shopify', () => 'shpss_' + chars(32, HEX)),
  F('braintree', 'PAYPAL_TOKEN', 'BRAINTREE_ACCESS_TOKEN', 'Braintree', () => `access_token$production$${chars(16, LOWER + DIGITS)}$${chars(32, HEX)}`),
  F('slack-bot', 'SLACK_TOKEN', 'SLACK_BOT_TOKEN', 'Slack', () => `xoxb-${chars(11, DIGITS)}-${chars(12, DIGITS)}-${chars(24)}`),
  F('slack-user', 'SLACK_TOKEN', 'SLACK_USER_TOKEN', 'Slack', () => `xoxp-${chars(11, DIGITS)}-${chars(12, DIGITS)}-${chars(13, DIGITS)}-${chars(32, HEX)}`),
  F('slack-app', 'SLACK_TOKEN', 'SLACK_APP_TOKEN', 'Slack', () => `xapp-1-A${chars(10, UPPER + DIGITS)}-${chars(13, DIGITS)}-${chars(64, HEX)}`),
  F('slack-webhook', 'SLACK_WEBHOOK', 'SLACK_WEBHOOK_URL', 'Slack', () => `https://hooks.slack.com/services/T${chars(10, UPPER + DIGITS)}/B${chars(10, UPPER + DIGITS)}/${chars(24)}`),
  F('discord-webhook', 'DISCORD_WEBHOOK', 'DISCORD_WEBHOOK_URL', 'Discord', () => `https://discord.com/api/webhooks/${chars(18, DIGITS)}/${chars(68, B64URL)}`),
  F('telegram', 'TELEGRAM_TOKEN', 'TELEGRAM_BOT_TOKEN', 'Telegram', () => `${chars(10, DIGITS)}:AA${chars(33, B64URL)}`),
  F('twilio-sk', 'TWILIO_KEY', 'TWILIO_API_KEY', 'Twilio', () => 'SK' + chars(32, HEX)),
  F('twilio-auth', 'TWILIO_KEY', 'TWILIO_AUTH_TOKEN', 'Twilio', () => chars(32, HEX), false),
  F('sendgrid', 'SENDGRID_KEY', 'SENDGRID_API_KEY', 'SendGrid', () => `SG.${chars(22, B64URL)}.${chars(43, B64URL)}`),
  F('mailgun', 'MAILGUN_KEY', 'MAILGUN_API_KEY', 'Mailgun', () => 'key-' + chars(32, HEX)),
  F('mailchimp', 'MAILCHIMP_KEY', 'MAILCHIMP_API_KEY', 'Mailchimp', () => `${chars(32, HEX)}-us${pick(['6', '14', '21'])}`),
  F('postmark', 'POSTMARK_TOKEN', 'POSTMARK_SERVER_TOKEN', 'Postmark', uuid, false),
  F('npm', 'NPM_TOKEN', 'NPM_TOKEN', 'npm', () => 'npm_' + chars(36)),
  F('pypi', 'PYPI_TOKEN', 'TWINE_PASSWORD', 'PyPI', () => 'pypi-AgEIcHlwaS5vcmc' + chars(140, B64URL)),
  F('rubygems', 'RUBYGEMS_KEY', 'GEM_HOST_API_KEY', 'RubyGems', () => 'rubygems_' + chars(48, HEX)),
  F('nuget', 'NUGET_KEY', 'NUGET_API_KEY', 'NuGet', () => 'oy2' + chars(43, LOWER + DIGITS)),
  F('dockerhub', 'DOCKER_TOKEN', 'DOCKERHUB_TOKEN', 'Docker Hub', () => 'dckr_pat_' + chars(27, B64URL)),
  F('jfrog', 'JFROG_TOKEN', 'ARTIFACTORY_API_KEY', 'JFrog', () => 'AKCp' + chars(69)),
  F('datadog', 'DATADOG_KEY', 'DATADOG_API_KEY', 'Datadog', () => chars(32, HEX), false),
  F('newrelic', 'NEWRELIC_KEY', 'NEW_RELIC_API_KEY', 'New Relic', () => 'NRAK-' + chars(27, UPPER + DIGITS)),
  F('sentry', 'SENTRY_TOKEN', 'SENTRY_AUTH_TOKEN', 'Sentry', () => 'sntryu_' + chars(64, HEX)),
  F('grafana', 'GRAFANA_TOKEN', 'GRAFANA_SERVICE_ACCOUNT_TOKEN', 'Grafana', () => `glsa_${chars(32)}_${chars(8, HEX)}`),
  F('linear', 'LINEAR_KEY', 'LINEAR_API_KEY', 'Linear', () => 'lin_api_' + chars(40)),
  F('notion', 'NOTION_TOKEN', 'NOTION_TOKEN', 'Notion', () => `ntn_${chars(11, DIGITS)}${chars(35)}`),
  F('figma', 'FIGMA_TOKEN', 'FIGMA_TOKEN', 'Figma', () => 'figd_' + chars(40, B64URL)),
  F('atlassian', 'ATLASSIAN_TOKEN', 'JIRA_API_TOKEN', 'Jira', () => 'ATATT3' + chars(186, B64URL)),
  F('doppler', 'DOPPLER_TOKEN', 'DOPPLER_TOKEN', 'Doppler', () => 'dp.st.' + chars(43)),
  F('onepassword', 'ONEPASSWORD_TOKEN', 'OP_SERVICE_ACCOUNT_TOKEN', '1Password', () => 'ops_eyJ' + chars(300, B64URL)),
  F('vault', 'VAULT_TOKEN', 'VAULT_TOKEN', 'Vault', () => 'hvs.CAESI' + chars(96, B64URL)),
  F('terraform', 'TERRAFORM_TOKEN', 'TFE_TOKEN', 'Terraform Cloud', () => `${chars(14)}.atlasv1.${chars(67, B64URL)}`),
  F('pulumi', 'PULUMI_TOKEN', 'PULUMI_ACCESS_TOKEN', 'Pulumi', () => 'pul-' + chars(40, HEX)),
  F('postman', 'POSTMAN_KEY', 'POSTMAN_API_KEY', 'Postman', () => `PMAK-${chars(24, HEX)}-${chars(34, HEX)}`),
  F('age', 'AGE_SECRET_KEY', 'SOPS_AGE_KEY', 'age', () => 'AGE-SECRET-KEY-1' + chars(58, 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L')),
  F('mapbox', 'MAPBOX_TOKEN', 'MAPBOX_SECRET_TOKEN', 'Mapbox', () => `sk.eyJ1IjoiYWNtZSIsImEiOi${chars(30, B64URL)}.${chars(22, B64URL)}`),
  F('algolia', 'ALGOLIA_KEY', 'ALGOLIA_ADMIN_KEY', 'Algolia', () => chars(32, HEX), false),
  F('okta', 'OKTA_TOKEN', 'OKTA_API_TOKEN', 'Okta', () => '00' + chars(40, B64URL), false),
  F('airtable', 'AIRTABLE_TOKEN', 'AIRTABLE_TOKEN', 'Airtable', () => `pat${chars(14)}.${chars(64, HEX)}`),
  F('hubspot', 'HUBSPOT_TOKEN', 'HUBSPOT_ACCESS_TOKEN', 'HubSpot', () => 'pat-na1-' + uuid()),
  F('dynatrace', 'DYNATRACE_TOKEN', 'DT_API_TOKEN', 'Dynatrace', () => `dt0c01.${chars(24, UPPER + DIGITS)}.${chars(64, UPPER + DIGITS)}`),
  F('azure-client-secret', 'AZURE_CLIENT_SECRET', 'AZURE_CLIENT_SECRET', 'Azure', () => `${chars(3)}${chars(1, DIGITS)}Q~${chars(34, ALNUM + '_~.-')}`),
  F('contentful', 'CONTENTFUL_TOKEN', 'CONTENTFUL_MANAGEMENT_TOKEN', 'Contentful', () => 'CFPAT-' + chars(43, B64URL)),
  F('sonar', 'SONAR_TOKEN', 'SONAR_TOKEN', 'SonarCloud', () => 'squ_' + chars(40, HEX)),
  F('clickhouse-cloud', 'CLICKHOUSE_KEY', 'CLICKHOUSE_KEY_SECRET', 'ClickHouse Cloud', () => '4b1d' + chars(38)),
  F('adobe', 'ADOBE_SECRET', 'ADOBE_CLIENT_SECRET', 'Adobe', () => 'p8e-' + chars(32)),
  F('openshift', 'KUBERNETES_TOKEN', 'OC_TOKEN', 'OpenShift', () => 'sha256~' + chars(43, B64URL)),
  F('yandex', 'YANDEX_KEY', 'YC_API_KEY', 'Yandex Cloud', () => 'AQVN' + chars(36, B64URL)),
  F('maxmind', 'MAXMIND_KEY', 'MAXMIND_LICENSE_KEY', 'MaxMind', () => `${chars(6)}_${chars(29)}_mmk`),
  F('slack-legacy-bot', 'SLACK_TOKEN', 'SLACK_TOKEN', 'Slack', () => `xoxb-${chars(10, DIGITS)}-${chars(24)}`),
  F('gitlab-routable', 'GITLAB_TOKEN', 'GITLAB_TOKEN', 'GitLab', () => `glpat-${chars(38, B64URL)}.01.${chars(7, LOWER + DIGITS)}`),
  F('kraken', 'CRYPTO_EXCHANGE_KEY', 'KRAKEN_API_SECRET', 'Kraken', () => chars(86, ALNUM + '/+') + '==', false),
  F('sentry-legacy', 'SENTRY_TOKEN', 'SENTRY_AUTH_TOKEN', 'Sentry', () => chars(64, HEX), false),
  F('meraki', 'MERAKI_KEY', 'MERAKI_API_KEY', 'Cisco Meraki', () => chars(40, HEX), false),
];

// ---------- cases ----------
interface Span { start: number; end: number; type: string }
interface Case { id: string; text: string; spans: Span[]; note: string }
const cases: Case[] = [];

/** Builds text from parts; `{ secret, type }` parts become spans at their exact UTF-16 offsets. */
type Part = string | { secret: string; type: string };
function add(kind: 'pos' | 'neg', note: string, ...parts: Part[]): void {
  let text = '';
  const spans: Span[] = [];
  for (const part of parts) {
    if (typeof part === 'string') text += part;
    else {
      spans.push({ start: text.length, end: text.length + part.secret.length, type: part.type });
      text += part.secret;
    }
  }
  if (kind === 'neg' && spans.length) throw new Error('negatives carry no spans');
  cases.push({ id: `secrets-${kind}-${String(cases.filter((c) => c.id.includes(`-${kind}-`)).length + 1).padStart(3, '0')}`, text, spans, note });
}
const S = (format: Format, value = format.make()) => ({ secret: value, type: format.type });

const services = ['billing-api', 'ingest-worker', 'web', 'notifications', 'search-indexer', 'admin-portal'];
const asks = [
  'Can you tell me why this config does not load?',
  'My deploy fails with 401 Unauthorized, here is the env:',
  'Please convert this .env file to a Kubernetes Secret manifest.',
  'Why does docker compose ignore these variables?',
  'Review this config before I push it please.',
  'Help me turn this into a GitHub Actions workflow env block.',
];

// 1) .env pastes: one or two secrets among ordinary settings (all formats, prefixed or not).
for (const format of formats) {
  const other = pick(formats.filter((f) => f.prefixed && f !== format));
  const twoSecrets = random() < 0.35;
  add(
    'pos',
    `.env paste with ${format.name}${twoSecrets ? ` and ${other.name}` : ''}`,
    `${pick(asks)}\n\n\`\`\`\nNODE_ENV=production\nPORT=${pick(['3000', '8080', '5000'])}\nSERVICE_NAME=${pick(services)}\n${format.env}=`,
    S(format),
    `\nLOG_LEVEL=${pick(['info', 'debug', 'warn'])}\n`,
    ...(twoSecrets ? [`${other.env}=`, S(other), '\n'] : []),
    '```',
  );
}

// 2) Code: SDK clients constructed with a literal key (prefixed formats only).
const codeTemplates: Array<(value: Part) => Part[]> = [
  (v) => ['This works locally but not in prod, any idea?\n\n```python\nimport os\nimport requests\n\nAPI_KEY = "', v, '"\nresp = requests.get(BASE_URL + "/v1/items", headers={"Authorization": f"Bearer {API_KEY}"}, timeout=10)\nresp.raise_for_status()\n```'],
  (v) => ['Refactor this into a service class:\n\n```ts\nconst client = new ApiClient({\n  baseUrl: process.env.BASE_URL,\n  token: \'', v, '\',\n  retries: 3,\n});\n```'],
  (v) => ['Why is this Go snippet returning 403?\n\n```go\nreq, _ := http.NewRequest("GET", url, nil)\nreq.Header.Set("Authorization", "Bearer ', v, '")\nresp, err := http.DefaultClient.Do(req)\n```'],
  (v) => ['Is this the right way to configure the provider in terraform?\n\n```hcl\nprovider "acme" {\n  region = "eu-west-1"\n  token  = "', v, '"\n}\n```'],
];
for (const format of formats.filter((f) => f.prefixed)) {
  if (format.type === 'SLACK_WEBHOOK' || format.type === 'DISCORD_WEBHOOK') continue;
  add('pos', `${format.name} hard-coded in code`, ...pick(codeTemplates)(S(format)));
}

// 3) curl commands and logs.
for (const format of formats.filter((f) => f.prefixed && /TOKEN|KEY/.test(f.type)).slice(0, 30)) {
  const value = S(format);
  if (random() < 0.5) {
    add('pos', `${format.name} in a curl header`, `curl -sS -X POST https://api.${format.vendor.toLowerCase().replace(/[^a-z]/g, '')}.com/v1/jobs \\\n  -H "Authorization: Bearer `, value, '" \\\n  -H "Content-Type: application/json" \\\n  -d \'{"name":"nightly"}\'\n\ngives me {"error":"invalid_request"} - what am I missing?');
  } else {
    add('pos', `${format.name} leaked into a log line`, `Seeing this in the logs after the rollout, what does it mean?\n\n2025-03-14T09:21:44.318Z WARN  [${pick(services)}] upstream rejected credential token=`, value, ` status=401 retry=3/5\n2025-03-14T09:21:45.002Z ERROR [${pick(services)}] giving up after 5 attempts`);
  }
}

// 4) Prose: "my X key is ..." (context formats need their vendor name).
for (const format of formats) {
  add('pos', `${format.name} pasted in prose`, `I rotated the ${format.vendor} key yesterday. New ${format.env.toLowerCase().replace(/_/g, ' ')}: `, S(format), ` - can you write the migration note for the team?`);
}

// 5) Connection strings and credentialed URLs (span = password).
const dbTemplates: Array<[string, (p: string) => [string, string], string]> = [
  ['postgres', (p) => [`DATABASE_URL=postgres://orders_app:`, `@orders-db.internal.acme.io:5432/orders?sslmode=require`], 'CONNECTION_STRING'],
  ['postgres-sqlalchemy', (p) => [`engine = create_engine("postgresql+psycopg2://etl:`, `@10.20.3.7:5432/warehouse", pool_size=5)`], 'CONNECTION_STRING'],
  ['mysql', (p) => [`spring.datasource.url=mysql://shop_rw:`, `@mysql-primary.prod:3306/shop`], 'CONNECTION_STRING'],
  ['mongodb', (p) => [`const uri = "mongodb+srv://api-svc:`, `@cluster0.x1y2z.mongodb.net/prod?retryWrites=true&w=majority";`], 'CONNECTION_STRING'],
  ['redis', (p) => [`REDIS_URL=rediss://default:`, `@redis-17711.c9.us-east-1-2.ec2.cloud.redislabs.com:17711`], 'CONNECTION_STRING'],
  ['amqp', (p) => [`CELERY_BROKER_URL=amqp://celery:`, `@rabbitmq.internal:5672/jobs`], 'CONNECTION_STRING'],
  ['mssql', (p) => [`"ConnectionStrings": { "Default": "Server=tcp:crm-sql.database.windows.net,1433;Initial Catalog=crm;User ID=crm_app;Password=`, `;Encrypt=True;" }`], 'CONNECTION_STRING'],
  ['odbc', (p) => [`Driver={ODBC Driver 18 for SQL Server};Server=sql01;Database=hr;UID=hr_reader;PWD=`, `;TrustServerCertificate=yes`], 'CONNECTION_STRING'],
  ['jdbc', (p) => [`jdbc:postgresql://pg.prod:5432/app?user=app&password=`, `&ssl=true`], 'CONNECTION_STRING'],
  ['jdbc-oracle', (p) => [`url: jdbc:oracle:thin:scott/`, `@//ora-prod.acme.local:1521/ORCLPDB1`], 'CONNECTION_STRING'],
  ['clickhouse', (p) => [`CLICKHOUSE_URL=clickhouse://analytics:`, `@ch-0.prod.internal:9000/events`], 'CONNECTION_STRING'],
  ['smtp', (p) => [`EMAIL_URL=smtp://mailer:`, `@smtp.mailgun.org:587`], 'CONNECTION_STRING'],
  ['https-creds', (p) => [`git remote set-url origin https://ci-bot:`, `@git.acme.internal/platform/infra.git`], 'PASSWORD'],
  ['https-api-creds', (p) => [`requests.get("https://admin:`, `@grafana.acme.io/api/dashboards/uid/abc")`], 'PASSWORD'],
];
for (let round = 0; round < 2; round++) {
  for (const [name, make, type] of dbTemplates) {
    const pw = name === 'mssql' || name === 'odbc' ? password() : urlPassword();
    const [before, after] = make(pw);
    add('pos', `${name} connection string with a password`, `${pick(['Getting "connection refused" with this:', 'Can you check this connection string?', 'Migrating to the new cluster, is this right?'])}\n\n`, before, { secret: pw, type }, after);
  }
}

// 6) Private keys, JWTs.
const pemBody = (length: number) => (chars(length, B64).match(/.{1,64}/g) ?? []).join('\n');
for (const label of ['RSA PRIVATE KEY', 'EC PRIVATE KEY', 'PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'PGP PRIVATE KEY BLOCK', 'DSA PRIVATE KEY']) {
  for (let i = 0; i < 2; i++) {
    const block = `-----BEGIN ${label}-----\n${pemBody(label.includes('EC') ? 220 : 1600)}\n-----END ${label}-----`;
    add('pos', `${label} pasted whole`, `${pick(['ssh says "invalid format" for this key, what is wrong with it?', 'Convert this key to the format nginx expects:', 'Is this key 2048 or 4096 bits?'])}\n\n`, { secret: block, type: 'PRIVATE_KEY' }, '\n');
  }
}
for (let i = 0; i < 8; i++) {
  const header = b64url(JSON.stringify({ alg: pick(['HS256', 'RS256', 'ES256']), typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ sub: chars(10, DIGITS), role: pick(['admin', 'service_role', 'user']), exp: 1767225600 + i }));
  const jwt = `${header}.${payload}.${chars(43, B64URL)}`;
  add('pos', 'JWT pasted for decoding', `${pick(['Can you decode this token and tell me when it expires?', 'Why does the API say this JWT is invalid?'])}\n\n`, { secret: jwt, type: 'JWT' });
}

// 7) Generic assignments (no vendor prefix): PASSWORD / API_KEY.
for (let i = 0; i < 10; i++) {
  const pw = password();
  const template = pick([
    ['```yaml\ndatabase:\n  host: db.internal\n  user: report\n  password: "', '"\n  pool: 10\n```'],
    ['settings.py has\n\nDB_PASSWORD = "', '"\n\nshould I move it to environment variables?'],
    ['The admin password is ', ' but the login form says invalid credentials.'],
    ['{"username": "svc-export", "password": "', '", "host": "sftp.partner.example.net"}'],
  ]);
  add('pos', 'generic password assignment', template[0]!, { secret: pw, type: 'PASSWORD' }, template[1]!);
}
for (let i = 0; i < 10; i++) {
  const key = chars(pick([32, 40, 48]));
  const template = pick([
    ['config.json:\n{\n  "apiKey": "', '",\n  "region": "eu-central-1"\n}'],
    ['client = InternalClient(api_key="', '", timeout=30)'],
    ['curl -H "X-API-Key: ', '" https://internal.acme.io/v2/reports'],
    ['app:\n  auth:\n    client_secret: ', '\n    redirect_uri: /callback'],
  ]);
  add('pos', 'generic API key assignment', template[0]!, { secret: key, type: 'API_KEY' }, template[1]!);
}

// ---------- negatives: look-alikes ----------
const neg = (note: string, text: string) => add('neg', note, text);
const placeholderValues = ['sk-...', '<your-api-key>', 'xxxx', 'XXXXXXXXXXXXXXXX', '${TOKEN}', '$API_KEY', 'your_token_here', 'changeme', 'example', 'dummy', 'redacted', '********', '<TOKEN>', 'REPLACE_ME', '{{ secrets.API_KEY }}'];
for (const format of formats) {
  const value = pick(placeholderValues);
  neg(`docs placeholder for ${format.env}`, `From the README: set \`${format.env}=${value}\` in your .env before running \`npm run dev\`.`);
}
neg('AWS documentation example key id', 'The AWS docs use AKIAIOSFODNN7EXAMPLE as the access key id in every example.');
neg('AWS documentation example pair', '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nregion = us-east-1');
neg('templated env in CI', 'env:\n  OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}\n  GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n  STRIPE_SECRET_KEY: ${{ secrets.STRIPE_SECRET_KEY }}');
neg('process.env references', 'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: "2024-06-20" });\nconst openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });');
neg('os.environ references', 'api_key = os.environ["ANTHROPIC_API_KEY"]\ntoken = os.getenv("GITHUB_TOKEN")\npassword = os.environ.get("DB_PASSWORD", "")');
neg('shell variable references', 'curl -H "Authorization: Bearer $GITHUB_TOKEN" https://api.github.com/user\nexport AWS_SECRET_ACCESS_KEY=$(vault kv get -field=secret aws/ci)');
for (let i = 0; i < 30; i++) {
  const hash = pick([chars(40, HEX), chars(64, HEX), chars(32, HEX)]);
  const template = pick([
    `commit ${hash}\nAuthor: build-bot\nDate:   Tue Mar 4 10:12:01 2025\n\n    fix: retry on 503`,
    `sha256sum dist/app.tar.gz\n${hash}  dist/app.tar.gz`,
    `The ETag header came back as "${hash}" on both requests, is caching broken?`,
    `git cherry-pick ${hash.slice(0, 40)} failed with a conflict in src/index.ts`,
    `docker pull registry.acme.io/web@sha256:${chars(64, HEX)}`,
    `md5 of the upload is ${chars(32, HEX)}, the server computed a different one`,
  ]);
  neg('hashes and digests', template);
}
for (let i = 0; i < 20; i++) {
  neg('UUIDs as request/trace ids', pick([
    `Request failed, x-request-id: ${uuid()}, trace_id=${chars(32, HEX)}`,
    `SELECT * FROM orders WHERE customer_id = '${uuid()}' LIMIT 10;`,
    `The job ${uuid()} has been stuck in PENDING for two hours.`,
    `correlationId: "${uuid()}"`,
  ]));
}
neg('package-lock integrity hashes', `"node_modules/lodash": {\n  "version": "4.17.21",\n  "resolved": "https://registry.npmjs.org/lodash/-/lodash-4.17.21.tgz",\n  "integrity": "sha512-${chars(86, B64)}=="\n}`);
neg('public key, not private', `-----BEGIN PUBLIC KEY-----\n${pemBody(392)}\n-----END PUBLIC KEY-----`);
neg('certificate, not a key', `-----BEGIN CERTIFICATE-----\n${pemBody(1100)}\n-----END CERTIFICATE-----`);
neg('SSH public key', `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${chars(43, B64)} deploy@build-01`);
neg('elided private key in docs', '-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----');
neg('private key header only, in prose', 'The file should start with -----BEGIN RSA PRIVATE KEY----- and end with the matching END line.');
neg('base64 of ordinary words', `The payload was ${Buffer.from('hello world, this is a test message').toString('base64')} which decodes to a greeting.`);
neg('data URI snippet', `background-image: url("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");`);
neg('camelCase identifiers near key words', 'const apiKey = getApiKeyFromVault(); const tokenRefreshInterval = 3600; let passwordValidator = new PasswordValidator();');
neg('password hashing code', 'password_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt())\nif len(password) < 12: raise ValueError("password too short")');
neg('bcrypt hash in a fixture', '{"username": "alice", "password": "$2b$12$' + chars(53, ALNUM + './') + '"}');
neg('type annotations', 'interface LoginForm {\n  username: string;\n  password: string;\n  rememberMe: boolean;\n}');
neg('URL without credentials', 'Docs are at https://docs.stripe.com/keys#obtain-api-keys and https://platform.openai.com/api-keys');
neg('file paths', 'secret_file: /run/secrets/db_password\nprivate_key_path: ~/.ssh/id_ed25519\ntoken_file: ./config/token.txt');
neg('prefix mentioned in prose', 'GitHub classic tokens start with ghp_ and fine-grained ones with github_pat_; Stripe secret keys start with sk_live_.');
neg('Stripe publishable key (public by design)', `const stripe = Stripe("pk_live_${chars(99)}");`);
neg('pagination token', `{"items": [], "next_page_token": "${chars(44, B64URL)}"}`);
neg('connection strings with placeholders', 'DATABASE_URL=postgres://user:password@localhost:5432/mydb\nMONGO_URI=mongodb+srv://<username>:<password>@cluster0.mongodb.net/\nREDIS_URL=redis://localhost:6379/0');
neg('docker default credentials', 'POSTGRES_URL=postgres://postgres:postgres@db:5432/app\nAMQP_URL=amqp://guest:guest@rabbitmq:5672/');
neg('semantic versions and build numbers', 'Upgraded from 4.17.21 to 5.0.0-rc.3 (build 20250314.1842), now tests fail in CI job 88231.');
neg('git SHAs in a changelog', `* ${chars(7, HEX)} fix: handle empty token list\n* ${chars(7, HEX)} feat: add api_key rotation docs\n* ${chars(7, HEX)} chore: bump deps`);
neg('CSS classes and ids', '<div class="md-heading-secondary-large token-badge api-key-field" id="secret-panel-3">');
neg('masked key in a UI', 'The dashboard shows my key as sk-proj-****************************Xy9Q, is that the full key?');
neg('max_tokens setting', 'response = client.chat.completions.create(model="gpt-4o", max_tokens=4096, temperature=0.2)');
neg('token usage counts', 'usage: {"prompt_tokens": 1823, "completion_tokens": 412, "total_tokens": 2235}');
neg('Kubernetes secret reference', 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db-credentials\n        key: password');
neg('secret manager reference', 'password: vault:secret/data/prod/db#password\napi_key: op://Engineering/Stripe/credential');
neg('long identifier', 'Call createOrUpdateCustomerSubscriptionWithProrationBehavior() after validateWebhookSignatureHeader().');
neg('Slack channel and user ids', 'Post to channel C024BE91L and mention U012AB3CD, thread ts 1712345678.123456.');
neg('Google Analytics ids', 'gtag("config", "G-8XKZ3P2QWE"); and the old UA-12345678-1 property.');
neg('truncated JWT in docs', 'A token looks like eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOi... (truncated)');
neg('regex for keys in a linter', 'Pattern: /(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9_]{36}/ matches GitHub tokens.');
neg('base64 encoded JSON, not a JWT', `Config blob: ${Buffer.from('{"theme":"dark","lang":"en"}').toString('base64')}.${Buffer.from('{"v":2}').toString('base64')}`);
neg('env var names only', 'Required variables: OPENAI_API_KEY, ANTHROPIC_API_KEY, STRIPE_SECRET_KEY, SLACK_BOT_TOKEN, DATABASE_URL.');
neg('password policy prose', 'Your password must be at least 12 characters and include a number. Forgot password? Click reset.');
neg('MAC and IPv6-like hex', 'Interface eth0 ether 3c:22:fb:91:4e:0a, inet6 fe80::3e22:fbff:fe91:4e0a');
neg('test card data, not secrets', 'Use card 4242 4242 4242 4242 with any future expiry in test mode.');
neg('random slug ids', `The short link is https://acme.link/${chars(8)} and the order reference is ORD-${chars(10, UPPER + DIGITS)}.`);
neg('Docker image digest in k8s manifest', `image: ghcr.io/acme/api@sha256:${chars(64, HEX)}\nimagePullPolicy: IfNotPresent`);
neg('Terraform state lineage uuid', `"lineage": "${uuid()}",\n"serial": 42,\n"terraform_version": "1.7.5"`);
neg('obfuscated password in prose', 'I replaced the password with ******** before pasting, and the token with [REDACTED].');
neg('dummy fake key in tests', 'const FAKE_KEY = "sk_test_FAKE_KEY_FOR_UNIT_TESTS_ONLY"; // not a real key');
neg('secret mentioned without value', 'Where should I store the client secret and the refresh token in a Next.js app?');
neg('JSON schema for credentials', '{"type":"object","properties":{"apiKey":{"type":"string","minLength":32},"secret":{"type":"string"}}}');
neg('Helm values with empty secrets', 'auth:\n  password: ""\n  existingSecret: redis-auth\n  token: ~');
neg('commit message about tokens', 'fix(auth): rotate refresh token on every use and revoke the old access token');
neg('GitHub Actions cache key', 'key: ${{ runner.os }}-node-${{ hashFiles(\'**/package-lock.json\') }}');
neg('yarn berry checksum', `"lodash@npm:^4.17.21": {\n  checksum: ${chars(128, HEX)}\n}`);
neg('AWS ARN and account id', 'arn:aws:iam::123456789012:role/ci-deploy and arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf');
neg('hex color palette', 'palette: #1f2937 #111827 #6b7280 #f9fafb #ef4444 #10b981');
neg('Python f-string with token variable', 'headers = {"Authorization": f"Bearer {token}"}\nprint(f"token expires in {ttl} seconds")');
neg('placeholder bearer', 'curl -H "Authorization: Bearer <ACCESS_TOKEN>" https://api.example.com/me');
neg('sample from vendor docs', 'export OPENAI_API_KEY="sk-proj-your-api-key-here"\nexport ANTHROPIC_API_KEY="sk-ant-api03-your-key"');
neg('GUID in Windows registry path', `HKEY_LOCAL_MACHINE\\SOFTWARE\\Classes\\CLSID\\{${uuid().toUpperCase()}}`);
neg('ISBN and order numbers', 'ISBN 978-3-16-148410-0, invoice INV-2025-000871, PO 4500012345');
neg('Stripe docs sample with placeholder', 'stripe.api_key = "sk_test_..."  # replace with your test key from the dashboard');
neg('OpenShift sha256 digest, not a token', `image: quay.io/acme/api@sha256:${chars(64, HEX)}`);
neg('uppercase hex in a log', `WARN checksum mismatch expected=${chars(40, HEX).toUpperCase()} got=${chars(40, HEX).toUpperCase()}`);
neg('password prompt transcript', 'Enter password: \nSorry, try again.\nEnter password: \nsudo: 3 incorrect password attempts');
neg('snake_case config keys only', 'auth:\n  token_ttl_seconds: 3600\n  refresh_token_rotation: true\n  api_key_header: X-API-Key');
neg('Kubernetes secret with templated values', 'apiVersion: v1\nkind: Secret\nstringData:\n  password: {{ .Values.db.password }}\n  token: {{ required "token" .Values.token }}');
neg('function signature with token params', 'def refresh(self, refresh_token: str, client_secret: Optional[str] = None) -> TokenPair:');
neg('markdown table of env vars', '| Variable | Description |\n|---|---|\n| `OPENAI_API_KEY` | Your OpenAI key (sk-...) |\n| `DATABASE_URL` | postgres://user:pass@host/db |');
neg('long base64 image truncated', `"avatar": "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT..."`);

// ---------- write ----------
const out = join(import.meta.dirname, '..', 'test', 'corpus', 'detection', 'secrets.jsonl');
writeFileSync(out, cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
const negatives = cases.filter((c) => c.spans.length === 0).length;
console.log(`wrote ${cases.length} cases (${cases.length - negatives} positive, ${negatives} negative, ${cases.reduce((n, c) => n + c.spans.length, 0)} spans) to ${out}`);
