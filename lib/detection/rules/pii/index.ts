import type { Rule } from '../../types';

// Filled in by the rules work for this family.
export const structuredPiiRules: Rule[] = [];
