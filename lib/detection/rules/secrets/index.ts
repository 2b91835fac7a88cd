import type { Rule } from '../../types';
import { aiRules } from './ai';
import { cloudRules } from './cloud';
import { databaseRules } from './databases';
import { devtoolRules } from './devtools';
import { genericRules } from './generic';
import { keyRules } from './keys';
import { messagingRules } from './messaging';
import { paymentRules } from './payments';
import { serviceRules } from './services';
import { registryRules } from './registries';
import { sourceHostRules } from './source-hosts';

/**
 * Secret rules, one file per provider family. Span conventions: vendor tokens report the token; connection strings and
 * credential URLs report only the password (type CONNECTION_STRING for database/broker strings, PASSWORD for http/git
 * URLs), so host and user stay readable; private keys report the whole block; JWTs the whole token. Vendor rules carry
 * confidence 0.8-0.95, generic assignments 0.55-0.8.
 */
export const secretRules: Rule[] = [
  ...cloudRules,
  ...aiRules,
  ...sourceHostRules,
  ...paymentRules,
  ...messagingRules,
  ...registryRules,
  ...devtoolRules,
  ...serviceRules,
  ...databaseRules,
  ...keyRules,
  ...genericRules,
];
