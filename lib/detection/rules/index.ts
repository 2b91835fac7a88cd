import type { Rule } from '../types';
import { secretRules } from './secrets';
import { structuredPiiRules } from './pii';
import { entityRules } from './entities';
import { nationalIdRules } from './national-ids';

/** Every built-in rule, in priority-neutral order (overlaps are resolved by the engine, not by position here). */
export const builtinRules: readonly Rule[] = [...secretRules, ...structuredPiiRules, ...entityRules, ...nationalIdRules];
