/**
 * Connection strings and credentialed URLs. The reported span is the PASSWORD only, so the rest stays readable for the
 * assistant (`postgres://app:[CONNECTION_STRING_1]@db.internal:5432/prod`). Strings without a password, and passwords
 * that are documentation placeholders or well-known local defaults, are not reported.
 */
import type { Rule } from '../../types';
import { ALNUM, DIGITS, randomChars, secretRule } from './build';

const PLACEHOLDER_PASSWORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'changeme', 'change_me', 'changeit', 'user', 'username', 'root',
  'admin', 'postgres', 'mysql', 'guest', 'test', 'example', 'sample', 'dummy', 'redacted', 'mypassword', 'yourpassword',
  'your_password', 'your-password', 'mysecretpassword', 'secretpassword', 'pa55word', 'p@ssw0rd', 'p@ssword', 'pw', 'x',
  'xxx', 'null', 'none', 'foo', 'bar', 'sa', 'dbpass', 'db_password', 'dbpassword', 'token', 'x-oauth-basic',
  'x-access-token', 'oauth2', 'apikey', 'api_key', 'default', 'local', 'localhost', 'dev', 'development', 'neo4j',
  'clickhouse', 'rabbitmq', 'minioadmin', 'elastic', 'changeit', 'anonymous', 'oracle', 'tiger', 'manager', 'cassandra',
  'qwerty', 'letmein', 'hunter2', 'abc123', '123456', '12345678', 'password1', 'secret123', 'xyz', 'abc',
]);

/** A password that is a placeholder, templating or a well-known local default rather than a real credential. */
export function isPlaceholderPassword(value: string): boolean {
  const lower = value.toLowerCase();
  if (PLACEHOLDER_PASSWORDS.has(lower)) return true;
  if (/^[$%]|\$\{|\{\{|[<>]|\*{3,}|x{4,}|\.{3}|•/i.test(value)) return true;
  if (/example|changeme|change_me|your[_-]?pass|placeholder|redacted|dummy|sample|<|password|secret/i.test(value)) return true;
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return true; // an env var name standing in for the value
  if (/^(.)\1*$/.test(value) || value.length < 4) return true;
  return false;
}

/** Documentation URLs: `https://abc:xyz@example.com`, `user:pass@host`, `@your-server`, user `user`/`username`. */
function isDocsHost(text: string, passwordEnd: number, passwordStart = passwordEnd): boolean {
  const user = /:\/\/([^\s:/?#@]{0,128}):$/.exec(text.slice(Math.max(0, passwordStart - 140), passwordStart))?.[1];
  if (user && /^(?:user|username|user_?name|myuser|your[_-]?user(?:name)?|foo|name|login|<[^>]*>)$/i.test(user)) return true;
  const host = text.slice(passwordEnd + 1, passwordEnd + 41);
  return /^(?:[\w-]+\.)*example\.(?:com|org|net)\b|^(?:host|hostname|server|your[\w-]*|my[\w-]*host)\b|^[<$[{]/i.test(host);
}

const notPlaceholder = (value: string) => !isPlaceholderPassword(value);

/**
 * `scheme://user:password@host`, password as group 2. User may be empty (`redis://:pw@host`). A scheme may carry a
 * driver suffix (`postgresql+psycopg2://`, `mongodb+srv://`).
 */
// `(?:://|\+driver://)` rather than `(?:\+driver)?://`: same matches, but every match then starts with one of the
// keywords (`scheme://`, `scheme+`), so the engine tries the regex only where the automaton saw one.
const uriPassword = (schemes: readonly string[]) =>
  `\\b(?:${schemes.join('|')})(?:://|\\+[a-z0-9_]{1,16}://)([^\\s:/?#@"'\`<>]{0,128}):([^\\s/?#@"'\`<>]{1,128})@(?=[A-Za-z0-9\\[._-])`;

/** Keywords: the scheme followed by `://` or a `+driver` suffix, so the rule does not wake up on the bare word. */
const schemeKeywords = (schemes: readonly string[]) => schemes.flatMap((scheme) => [`${scheme}://`, `${scheme}+`]);

const pw = (label: string, n = 0) => randomChars(14, ALNUM, 'dbpw' + label, n) + randomChars(2, DIGITS, 'dbpw2' + label, n);

interface UriRuleSpec {
  id: string;
  schemes: readonly string[];
  description: string;
  examples: Array<(password: string) => string>;
  negatives: string[];
  type?: string;
}

const uriRule = (spec: UriRuleSpec): Rule =>
  secretRule({
    id: spec.id,
    type: spec.type ?? 'CONNECTION_STRING',
    description: spec.description,
    regex: uriPassword(spec.schemes),
    flags: 'i',
    group: 2,
    keywords: schemeKeywords(spec.schemes),
    // Above the e-mail rule's 0.9: `password@host` inside a URL is not an address.
    confidence: 0.95,
    allowlist: [],
    validate: (value, text, start) => notPlaceholder(value) && !isDocsHost(text, start + value.length, start),
    examples: {
      positive: spec.examples.map((make, n) => ({ text: make(pw(spec.id, n)), match: pw(spec.id, n) })),
      negative: spec.negatives,
    },
  });

export const databaseRules: Rule[] = [
  uriRule({
    id: 'postgres-connection-password',
    schemes: ['postgres', 'postgresql', 'pgsql', 'postgis', 'timescale', 'timescaledb', 'cockroachdb', 'cockroach'],
    description: 'Password in a PostgreSQL connection URL: logs into the database with the user\'s rights.',
    examples: [
      (p) => `DATABASE_URL=postgres://app_user:${p}@db.internal.acme.io:5432/orders?sslmode=require`,
      (p) => `engine = create_engine("postgresql+psycopg2://etl:${p}@10.0.3.12/warehouse")`,
    ],
    negatives: [
      'DATABASE_URL=postgres://postgres:postgres@localhost:5432/dev', // docker default
      'postgres://user:password@host:5432/db', // docs placeholder
      'postgres://app@db.internal:5432/orders', // no password
      'postgresql://${DB_USER}:${DB_PASSWORD}@${DB_HOST}/app',
    ],
  }),
  uriRule({
    id: 'mysql-connection-password',
    schemes: ['mysql', 'mysqlx', 'mariadb', 'tidb', 'vitess', 'planetscale'],
    description: 'Password in a MySQL/MariaDB connection URL: logs into the database with the user\'s rights.',
    examples: [(p) => `mysql://shop:${p}@mysql-primary.prod:3306/shop`, (p) => `SQLALCHEMY_DATABASE_URI = 'mysql+pymysql://report:${p}@127.0.0.1/reports'`],
    negatives: ['mysql://root:root@localhost/test', 'mysql://root:<password>@localhost:3306/db'],
  }),
  uriRule({
    id: 'mongodb-connection-password',
    schemes: ['mongodb', 'mongo'],
    description: 'Password in a MongoDB connection URL: reads and writes the cluster\'s collections.',
    examples: [
      (p) => `MONGO_URI="mongodb+srv://api-svc:${p}@cluster0.ab1cd.mongodb.net/prod?retryWrites=true&w=majority"`,
      (p) => `mongoose.connect('mongodb://admin:${p}@mongo-0.mongo:27017,mongo-1.mongo:27017/app?replicaSet=rs0')`,
    ],
    negatives: ['mongodb+srv://<username>:<password>@cluster0.mongodb.net/', 'mongodb://localhost:27017/test'],
  }),
  uriRule({
    id: 'redis-connection-password',
    schemes: ['redis', 'rediss', 'valkey', 'valkeys', 'dragonfly', 'keydb'],
    description: 'Password in a Redis connection URL: reads and overwrites the cache, sessions and queues.',
    examples: [(p) => `REDIS_URL=rediss://default:${p}@redis-12345.c1.us-east-1.ec2.cloud.redislabs.com:12345`, (p) => `redis://:${p}@cache.internal:6379/0`],
    negatives: ['redis://localhost:6379/0', 'redis://:password@localhost:6379'],
  }),
  uriRule({
    id: 'amqp-connection-password',
    schemes: ['amqp', 'amqps', 'rabbitmq'],
    description: 'Password in an AMQP/RabbitMQ URL: publishes and consumes the broker\'s messages.',
    examples: [(p) => `CELERY_BROKER_URL=amqp://worker:${p}@rabbit.internal:5672/prod`],
    negatives: ['amqp://guest:guest@localhost:5672/'],
  }),
  uriRule({
    id: 'mssql-connection-password',
    schemes: ['mssql', 'sqlserver', 'azuresql'],
    description: 'Password in a SQL Server connection URL: logs into the database with the user\'s rights.',
    examples: [(p) => `mssql+pyodbc://sa_app:${p}@sql01.corp.local:1433/Payroll?driver=ODBC+Driver+18+for+SQL+Server`],
    negatives: ['mssql://sa:<YourStrong@Passw0rd>@localhost:1433'],
  }),
  uriRule({
    id: 'database-connection-password',
    schemes: [
      'oracle', 'clickhouse', 'snowflake', 'couchdb', 'couchdbs', 'neo4j', 'bolt', 'cassandra', 'db2', 'ibmi',
      'influxdb', 'arangodb', 'questdb', 'surrealdb', 'crate', 'presto', 'trino', 'hive', 'hana', 'teradata', 'vertica',
      'firebird', 'sybase', 'couchbase', 'couchbases', 'elasticsearch', 'opensearch', 'memcache', 'memcached', 'etcd',
      'consul',
    ],
    description: 'Password in a database connection URL (Oracle, ClickHouse, Snowflake, Neo4j, Cassandra…): logs into the database.',
    examples: [(p) => `clickhouse://analytics:${p}@ch.prod.internal:9000/events`, (p) => `NEO4J_URI=neo4j+s://neo4j:${p}@a1b2c3d4.databases.neo4j.io`],
    negatives: ['neo4j://neo4j:neo4j@localhost:7687', 'clickhouse://default:@localhost:9000'],
  }),
  uriRule({
    id: 'broker-connection-password',
    schemes: [
      'kafka', 'nats', 'mqtt', 'mqtts', 'stomp', 'pulsar', 'zookeeper', 'ssh', 'sftp', 'ftp', 'ftps', 'smtp', 'smtps',
      'imap', 'imaps', 'pop3', 'pop3s', 'ldap', 'ldaps', 'smb', 'svn', 'rtsp', 'socks5', 'socks5h', 'socks4', 'vnc', 'rdp',
      'telnet', 'xmpp', 'irc', 'sip',
    ],
    description: 'Password in a broker, mail, file-transfer or directory URL (SMTP, FTP, LDAP, MQTT…): logs into that service.',
    examples: [(p) => `EMAIL_URL=smtp://notifications%40acme.io:${p}@smtp.mailgun.org:587`, (p) => `ftp://deploy:${p}@ftp.acme-hosting.net/public_html`],
    negatives: ['smtp://localhost:25', 'ftp://anonymous:@ftp.gnu.org/gnu/'],
  }),
  uriRule({
    id: 'url-credentials',
    schemes: ['https', 'http', 'wss', 'ws', 'git', 'webdav', 'dav', 'davs'],
    type: 'PASSWORD',
    description: 'Password embedded in an http(s)/git URL (https://user:pass@host): logs into that service.',
    examples: [
      (p) => `git clone https://ci-bot:${p}@git.acme.internal/platform/infra.git`,
      (p) => `requests.get("https://admin:${p}@grafana.acme.io/api/dashboards")`,
    ],
    negatives: [
      'https://user:password@example.com/', // docs
      "const options = new URL('https://abc:xyz@example.com/path'); // Node docs",
      'https://github.com/acme/app', // no credentials
      'https://x-access-token:${GITHUB_TOKEN}@github.com/acme/app.git', // templating
      'see http://localhost:8080/docs#auth:basic@v2', // not userinfo
      'https://user:he%2F%2Fo@pypi.company.com/simple', // docs: the user is literally `user`
    ],
  }),
  secretRule({
    id: 'ado-connection-string-password',
    type: 'CONNECTION_STRING',
    description: 'Password in an ADO.NET/ODBC connection string (Server=…;Password=…): logs into the database.',
    regex: '(?<![A-Za-z])(?:Password|Pwd)\\s{0,2}=\\s{0,2}([^;"\'\\r\\n]{1,128})',
    flags: 'i',
    group: 1,
    keywords: ['password', 'pwd'],
    context: ['server=', 'data source=', 'host=', 'user id=', 'uid=', 'initial catalog=', 'database=', 'driver=', 'dsn='],
    requireContext: true,
    contextWindow: 300,
    confidence: 0.95,
    allowlist: [],
    validate: (value) => !isPlaceholderPassword(value.trim()),
    examples: {
      positive: [
        {
          text: `"DefaultConnection": "Server=tcp:acme-sql.database.windows.net,1433;Initial Catalog=crm;User ID=crm_app;Password=${pw('ado')};Encrypt=True;"`,
          match: pw('ado'),
        },
        { text: `Driver={ODBC Driver 18 for SQL Server};Server=sql01;Database=hr;UID=hr_reader;PWD=${pw('odbc')};`, match: pw('odbc') },
      ],
      negative: [
        'Server=localhost;Database=dev;User Id=sa;Password=<YourStrong!Passw0rd>;',
        'Server=myServerAddress;Database=myDataBase;User Id=myUsername;Password=myPassword;',
        'Password=Summer2024! is what I typed on the login page', // no connection-string fields around it
      ],
    },
  }),
  secretRule({
    id: 'jdbc-password',
    type: 'CONNECTION_STRING',
    description: 'Password in a JDBC URL (jdbc:…password=…): logs into the database.',
    // The password parameter, with `jdbc:` required in the context window (one bounded scan instead of a lazy prefix).
    regex: '[?;&:]password=([^\\s&;"\'`<>]{1,128})',
    flags: 'i',
    group: 1,
    keywords: ['jdbc:'],
    context: ['jdbc:'],
    requireContext: true,
    contextWindow: 300,
    confidence: 0.9,
    allowlist: [],
    validate: notPlaceholder,
    examples: {
      positive: [
        { text: `spring.datasource.url=jdbc:postgresql://db.prod:5432/app?user=app&password=${pw('jdbc')}&ssl=true`, match: pw('jdbc') },
        { text: `jdbc:sqlserver://sql01:1433;databaseName=hr;user=hr_app;password=${pw('jdbc2')};encrypt=true`, match: pw('jdbc2') },
      ],
      negative: ['jdbc:mysql://localhost:3306/test?user=root&password=${DB_PASSWORD}', 'jdbc:h2:mem:testdb'],
    },
  }),
  secretRule({
    id: 'jdbc-oracle-thin-password',
    type: 'CONNECTION_STRING',
    description: 'Password in an Oracle thin JDBC URL (jdbc:oracle:thin:user/pass@host): logs into the database.',
    regex: 'jdbc:oracle:thin:[A-Za-z0-9_$#.-]{1,64}/([^@\\s"\'`/:]{1,128})@',
    flags: 'i',
    group: 1,
    keywords: ['jdbc:oracle:thin:'],
    confidence: 0.95,
    allowlist: [],
    validate: notPlaceholder,
    examples: {
      positive: [{ text: `url = "jdbc:oracle:thin:scott/${pw('oracle')}@//ora-prod:1521/ORCLPDB1"`, match: pw('oracle') }],
      negative: ['jdbc:oracle:thin:@//localhost:1521/XEPDB1', 'jdbc:oracle:thin:user/password@host:1521:sid'],
    },
  }),
  secretRule({
    id: 'netrc-password',
    type: 'PASSWORD',
    description: 'Password in a .netrc entry (machine … login … password …): logs into that host.',
    // `password <value>`; validate checks that `login <user>` directly precedes it (a .netrc entry, not prose).
    regex: 'password[ \\t]{1,3}([^\\s`\'"]{1,128})',
    group: 1,
    keywords: ['machine'],
    confidence: 0.9,
    allowlist: [],
    validate: (value, text, start) => {
      const before = text.slice(Math.max(0, start - 200), start);
      return (
        /login[ \t]{1,3}[^\s`'"]{1,64}(?:[ \t]{1,3}|\r?\n[ \t]{0,8})password[ \t]{1,3}$/.test(before) &&
        notPlaceholder(value) &&
        !/example\.(?:com|org|net)/.test(before)
      );
    },
    examples: {
      positive: [{ text: `machine api.heroku.com\n  login ops@acme.io\n  password ${pw('netrc')}`, match: pw('netrc') }],
      negative: [
        'machine example.com login user password <password>',
        'machine example.com\nlogin daniel\npassword qwerty',
        'a user with username `user` and password `he//o` accessing the machine',
      ],
    },
  }),
];
