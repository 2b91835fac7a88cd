import type { Rule } from '../../types';
import { emailRule } from './email';
import { phoneRule } from './phone';
import { creditCardRule } from './credit-card';
import { ssnBareRule, ssnFormattedRule } from './ssn';
import { ibanRule } from './iban';
import { ipv4Rule, ipv6Rule } from './ip-address';

/** Structured PII: formats with checksums or strict structure (EMAIL, PHONE, CREDIT_CARD, SSN, IBAN, IP_ADDRESS). */
export const structuredPiiRules: Rule[] = [
  emailRule,
  phoneRule,
  creditCardRule,
  ssnFormattedRule,
  ssnBareRule,
  ibanRule,
  ipv4Rule,
  ipv6Rule,
];
