/**
 * Long tail of SaaS APIs whose keys have no distinctive prefix (or a short one): reported only when the vendor's name
 * precedes the value (`KRAKEN_API_SECRET=…`, `my twitch token: …`). Table-driven to keep each entry one line of data.
 */
import type { Rule } from '../../types';
import { ALNUM, BASE64URL, HEX, LOWER_ALNUM, contextKey, fake, fakeUuid, randomChars, vendorToken } from './build';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

interface ServiceEntry {
  id: string;
  type: string;
  vendor: string;
  /** Regex source for the vendor name. */
  name: string;
  value: string;
  sample: (n: number) => string;
  labels: [string, string];
  keywords: string[];
  risk: string;
}

const entry = (
  id: string,
  type: string,
  vendor: string,
  name: string,
  value: string,
  sample: (n: number) => string,
  labels: [string, string],
  keywords: string[],
  risk: string,
): ServiceEntry => ({ id, type, vendor, name, value, sample, labels, keywords, risk });

const services: ServiceEntry[] = [
  entry('adafruit-io-key', 'ADAFRUIT_KEY', 'Adafruit IO', 'adafruit', '[A-Za-z0-9_-]{32}', (n) => 'aio_' + randomChars(28, ALNUM, 'ada', n), ['ADAFRUIT_IO_KEY', 'adafruit key'], ['adafruit'], 'reads and writes the user\'s IoT feeds'),
  entry('asana-client-secret', 'ASANA_TOKEN', 'Asana', 'asana', '[a-z0-9]{32}', (n) => randomChars(32, LOWER_ALNUM, 'asana-cs', n), ['ASANA_CLIENT_SECRET', 'asana client secret'], ['asana'], 'runs the app\'s OAuth flow on the workspace'),
  entry('beamer-api-key', 'BEAMER_KEY', 'Beamer', 'beamer', 'b_[A-Za-z0-9=_-]{44}', (n) => 'b_' + randomChars(44, BASE64URL, 'beamer', n), ['BEAMER_API_KEY', 'beamer api key'], ['beamer'], 'publishes product announcements'),
  entry('bittrex-api-secret', 'CRYPTO_EXCHANGE_KEY', 'Bittrex', 'bittrex', '[a-z0-9]{32}', (n) => randomChars(32, LOWER_ALNUM, 'bittrex', n), ['BITTREX_API_SECRET', 'bittrex api secret'], ['bittrex'], 'trades and withdraws from the exchange account'),
  entry('kraken-api-secret', 'CRYPTO_EXCHANGE_KEY', 'Kraken', 'kraken', '[A-Za-z0-9/=_+-]{80,90}', (n) => randomChars(86, ALNUM + '/+', 'kraken', n) + '==', ['KRAKEN_API_SECRET', 'kraken api secret'], ['kraken'], 'trades and withdraws from the exchange account'),
  entry('kucoin-api-secret', 'CRYPTO_EXCHANGE_KEY', 'KuCoin', 'kucoin', UUID, (n) => fakeUuid('kucoin', n), ['KUCOIN_API_SECRET', 'kucoin api secret'], ['kucoin'], 'trades and withdraws from the exchange account'),
  entry('coinbase-api-secret', 'CRYPTO_EXCHANGE_KEY', 'Coinbase', 'coinbase', '[A-Za-z0-9_-]{64}', (n) => randomChars(64, BASE64URL, 'coinbase', n), ['COINBASE_API_SECRET', 'coinbase api secret'], ['coinbase'], 'trades and moves the account\'s crypto'),
  entry('binance-api-secret', 'CRYPTO_EXCHANGE_KEY', 'Binance', 'binance', '[A-Za-z0-9]{64}', (n) => randomChars(64, ALNUM, 'binance', n), ['BINANCE_API_SECRET', 'binance secret key'], ['binance'], 'trades and withdraws from the exchange account'),
  entry('confluent-api-secret', 'CONFLUENT_KEY', 'Confluent', 'confluent|kafka[_ -]?api', '[A-Za-z0-9+/]{64}', (n) => randomChars(64, ALNUM, 'confluent', n), ['CONFLUENT_API_SECRET', 'confluent api secret'], ['confluent', 'kafka_api', 'kafka-api', 'kafka api'], 'produces to and consumes from the Kafka cluster'),
  entry('chargebee-api-key', 'CHARGEBEE_KEY', 'Chargebee', 'chargebee|cb[_-]api', '(?:live|test)_[A-Za-z0-9]{26,40}', (n) => fake(n === 0 ? 'live_' : 'test_', 32, ALNUM, n), ['CHARGEBEE_API_KEY', 'chargebee api key'], ['chargebee', 'cb_api', 'cb-api'], 'creates, changes and refunds subscription charges'),
  entry('droneci-token', 'CI_TOKEN', 'Drone CI', 'drone', '[A-Za-z0-9]{32}', (n) => randomChars(32, ALNUM, 'drone', n), ['DRONE_TOKEN', 'drone token'], ['drone'], 'triggers builds and reads repository secrets'),
  entry('etsy-api-key', 'ETSY_KEY', 'Etsy', 'etsy', '[a-z0-9]{24}', (n) => randomChars(24, LOWER_ALNUM, 'etsy', n), ['ETSY_API_KEY', 'etsy api key'], ['etsy'], 'manages the shop\'s listings and orders'),
  entry('finicity-secret', 'FINICITY_KEY', 'Finicity', 'finicity', '[a-z0-9]{20}|[a-f0-9]{32}', (n) => randomChars(20, LOWER_ALNUM, 'finicity', n), ['FINICITY_APP_SECRET', 'finicity app secret'], ['finicity'], 'reads linked bank data'),
  entry('finnhub-token', 'FINNHUB_KEY', 'Finnhub', 'finnhub', '[a-z0-9]{20}', (n) => randomChars(20, LOWER_ALNUM, 'finnhub', n), ['FINNHUB_API_KEY', 'finnhub api key'], ['finnhub'], 'spends the account\'s market-data quota'),
  entry('flickr-api-secret', 'FLICKR_KEY', 'Flickr', 'flickr', '[a-z0-9]{32}', (n) => randomChars(32, LOWER_ALNUM, 'flickr', n), ['FLICKR_API_SECRET', 'flickr api secret'], ['flickr'], 'manages the user\'s photos'),
  entry('freshbooks-token', 'FRESHBOOKS_TOKEN', 'FreshBooks', 'freshbooks', '[a-z0-9]{64}', (n) => randomChars(64, LOWER_ALNUM, 'freshbooks', n), ['FRESHBOOKS_ACCESS_TOKEN', 'freshbooks access token'], ['freshbooks'], 'reads invoices and client data'),
  entry('gitter-token', 'GITTER_TOKEN', 'Gitter', 'gitter', '[a-z0-9_-]{40}', (n) => randomChars(40, LOWER_ALNUM, 'gitter', n), ['GITTER_TOKEN', 'gitter token'], ['gitter'], 'reads and posts in the user\'s rooms'),
  entry('lob-api-key', 'LOB_KEY', 'Lob', '(?<![A-Za-z])lob', '(?:live|test)_[a-f0-9]{35}', (n) => fake('live_', 35, HEX, n), ['LOB_API_KEY', 'lob api key'], ['lob'], 'sends paid physical mail and reads addresses'),
  entry('mattermost-token', 'MATTERMOST_TOKEN', 'Mattermost', 'mattermost', '[a-z0-9]{26}', (n) => randomChars(26, LOWER_ALNUM, 'mattermost', n), ['MATTERMOST_TOKEN', 'mattermost token'], ['mattermost'], 'reads and posts in the team\'s channels'),
  entry('messagebird-api-key', 'MESSAGEBIRD_KEY', 'MessageBird', 'message[_ -]?bird|bird[_ -]api', '[A-Za-z0-9]{25}', (n) => randomChars(25, ALNUM, 'mbird', n), ['MESSAGEBIRD_API_KEY', 'messagebird api key'], ['messagebird', 'message_bird', 'message-bird', 'bird_api'], 'sends SMS and reads message history'),
  entry('meraki-api-key', 'MERAKI_KEY', 'Cisco Meraki', 'meraki', '[0-9a-f]{40}', (n) => randomChars(40, HEX, 'meraki', n), ['MERAKI_API_KEY', 'meraki api key'], ['meraki'], 'reconfigures the organization\'s network devices'),
  entry('nytimes-api-key', 'NYTIMES_KEY', 'New York Times', 'nytimes|new[_ -]?york[_ -]?times', '[A-Za-z0-9=_-]{32}', (n) => randomChars(32, ALNUM, 'nyt', n), ['NYTIMES_API_KEY', 'nytimes api key'], ['nytimes', 'newyorktimes', 'new_york_times', 'new-york-times'], 'spends the account\'s API quota'),
  entry('rapidapi-key', 'RAPIDAPI_KEY', 'RapidAPI', 'rapid[_ -]?api|x-rapidapi-key', '[A-Za-z0-9_-]{50}', (n) => randomChars(50, ALNUM, 'rapidapi', n), ['RAPIDAPI_KEY', 'rapidapi key'], ['rapidapi', 'rapid_api', 'rapid-api'], 'spends paid API subscriptions of the account'),
  entry('sendbird-token', 'SENDBIRD_TOKEN', 'Sendbird', 'sendbird', '[a-f0-9]{40}', (n) => randomChars(40, HEX, 'sendbird', n), ['SENDBIRD_API_TOKEN', 'sendbird api token'], ['sendbird'], 'reads and sends chat messages of every user'),
  entry('squarespace-token', 'SQUARESPACE_TOKEN', 'Squarespace', 'squarespace', UUID, (n) => fakeUuid('squarespace', n), ['SQUARESPACE_API_KEY', 'squarespace api key'], ['squarespace'], 'manages the site\'s orders and inventory'),
  entry('sumologic-access-id', 'SUMOLOGIC_KEY', 'Sumo Logic', 'sumo(?:logic)?[_ .-]?access[_ .-]?id', 'su[A-Za-z0-9]{12}', (n) => 'su' + randomChars(12, ALNUM, 'sumo-id', n), ['SUMO_ACCESS_ID', 'sumologic access id'], ['sumo'], 'names the access key that, with its secret, queries the organization\'s logs'),
  entry('sumologic-access-key', 'SUMOLOGIC_KEY', 'Sumo Logic', 'sumo(?:logic)?', '[A-Za-z0-9]{64}', (n) => randomChars(64, ALNUM, 'sumo', n), ['SUMO_ACCESS_KEY', 'sumologic access key'], ['sumo'], 'queries the organization\'s logs'),
  entry('twitch-token', 'TWITCH_TOKEN', 'Twitch', 'twitch', '[a-z0-9]{30}', (n) => randomChars(30, LOWER_ALNUM, 'twitch', n), ['TWITCH_CLIENT_SECRET', 'twitch client secret'], ['twitch'], 'acts as the app or channel on Twitch'),
  entry('yandex-cloud-key', 'YANDEX_KEY', 'Yandex Cloud', 'yandex|yc[_-]', 'YC[A-Za-z0-9_-]{38}|t1\\.[A-Za-z0-9_-]{20,200}={0,2}\\.[A-Za-z0-9_-]{86}={0,2}', (n) => fake('YC', 38, BASE64URL, n), ['YANDEX_SECRET_KEY', 'yandex secret key'], ['yandex', 'yc_', 'yc-'], 'acts on the Yandex Cloud folder'),
  entry('linear-client-secret', 'LINEAR_KEY', 'Linear', 'linear', '[a-f0-9]{32}', (n) => randomChars(32, HEX, 'linear-cs', n), ['LINEAR_CLIENT_SECRET', 'linear client secret'], ['linear'], 'runs the app\'s OAuth flow on the workspace'),
  entry('launchdarkly-access-token', 'LAUNCHDARKLY_KEY', 'LaunchDarkly', 'launchdarkly|ld[_-]api', '[A-Za-z0-9=_-]{40}', (n) => randomChars(40, BASE64URL, 'ld', n), ['LAUNCHDARKLY_ACCESS_TOKEN', 'launchdarkly access token'], ['launchdarkly', 'ld_api', 'ld-api'], 'changes feature flags in production'),
  entry('hubspot-legacy-api-key', 'HUBSPOT_TOKEN', 'HubSpot', 'hubspot', '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}', (n) => fakeUuid('hubspot-legacy', n).toUpperCase(), ['HUBSPOT_API_KEY', 'hubspot api key'], ['hubspot'], 'reads CRM contacts and deals'),
  entry('discord-bot-secret', 'DISCORD_TOKEN', 'Discord', 'discord', '[a-f0-9]{64}', (n) => randomChars(64, HEX, 'discord-64', n), ['DISCORD_PUBLIC_KEY_SECRET', 'discord api key'], ['discord'], 'acts as the Discord application'),
];

export const serviceRules: Rule[] = [
  ...services.map((service) =>
    contextKey({
      id: service.id,
      type: service.type,
      description: `${service.vendor} API key or secret: ${service.risk}.`,
      name: service.name,
      value: service.value,
      tail: 'A-Za-z0-9_=+/-',
      sample: service.sample,
      labels: service.labels,
      keywords: service.keywords,
      entropy: 3.2,
    }),
  ),
  vendorToken({
    id: 'adobe-client-secret',
    type: 'ADOBE_SECRET',
    description: 'Adobe OAuth client secret (p8e-): authenticates as the Adobe integration.',
    token: 'p8e-[A-Za-z0-9]{32}',
    prefix: 'p8e-',
    sample: (n) => fake('p8e-', 32, ALNUM, n),
    keywords: ['p8e-'],
  }),
  vendorToken({
    id: 'authress-service-client-key',
    type: 'AUTHRESS_KEY',
    description: 'Authress service client access key (sc_….acc_…): signs tokens as the service client and changes permissions.',
    // {client id}.{key id}.{account id}.{private key}, the format Authress publishes for secret scanners.
    token: '(?:sc|ext|scauth|authress)_[A-Za-z0-9]{5,30}\\.[A-Za-z0-9]{4,6}\\.acc[_-][A-Za-z0-9-]{10,32}\\.[A-Za-z0-9+/_=-]{30,120}',
    tail: 'A-Za-z0-9+/_=-',
    prefix: 'sc_',
    sample: (n) =>
      `sc_${randomChars(10, LOWER_ALNUM, 'auth1', n)}.${randomChars(4, LOWER_ALNUM, 'auth2', n)}.acc_${randomChars(10, LOWER_ALNUM, 'auth3', n)}.${randomChars(64, BASE64URL, 'auth4', n)}`,
    keywords: ['.acc_', '.acc-'],
    entropy: 4,
    negatives: ['see sc_client.keyid.acc_account.signature in the docs'],
  }),
  vendorToken({
    id: 'clickhouse-cloud-secret',
    type: 'CLICKHOUSE_KEY',
    description: 'ClickHouse Cloud API secret key (4b1d…): manages the organization\'s services.',
    token: '4b1d[A-Za-z0-9]{38}',
    prefix: '4b1d',
    sample: (n) => fake('4b1d', 38, ALNUM, n),
    keywords: ['4b1d'],
    entropy: 3.5,
  }),
  vendorToken({
    id: 'maxmind-license-key',
    type: 'MAXMIND_KEY',
    description: 'MaxMind license key (…_mmk): downloads GeoIP databases on the account.',
    token: '[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk',
    prefix: '',
    sample: (n) => `${randomChars(6, ALNUM, 'mm', n)}_${randomChars(29, ALNUM, 'mm2', n)}_mmk`,
    keywords: ['_mmk'],
    entropy: 4,
  }),
  vendorToken({
    id: 'settlemint-token',
    type: 'SETTLEMINT_TOKEN',
    description: 'SettleMint access token (sm_pat_/sm_aat_/sm_sat_): acts on the blockchain platform.',
    token: 'sm_(?:pat|aat|sat)_[A-Za-z0-9]{16}',
    prefix: 'sm_pat_',
    sample: (n) => fake(n === 0 ? 'sm_pat_' : 'sm_sat_', 16, ALNUM, n),
    keywords: ['sm_pat_', 'sm_aat_', 'sm_sat_'],
  }),
  vendorToken({
    id: 'openshift-user-token',
    type: 'KUBERNETES_TOKEN',
    description: 'OpenShift user token (sha256~): acts as the user on the cluster.',
    token: 'sha256~[A-Za-z0-9_-]{43}',
    tail: 'A-Za-z0-9_-',
    prefix: 'sha256~',
    sample: (n) => fake('sha256~', 43, BASE64URL, n),
    keywords: ['sha256~'],
    entropy: 3.5,
  }),
  vendorToken({
    id: 'yandex-api-key',
    type: 'YANDEX_KEY',
    description: 'Yandex Cloud API key (AQVN…): calls Yandex Cloud APIs as the service account.',
    token: 'AQVN[A-Za-z0-9_-]{35,38}',
    tail: 'A-Za-z0-9_-',
    prefix: 'AQVN',
    sample: (n) => fake('AQVN', 36, BASE64URL, n),
    keywords: ['aqvn'],
  }),
];
