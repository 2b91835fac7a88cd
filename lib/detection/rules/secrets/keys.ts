/**
 * Private keys (PEM, OpenSSH, PGP, PuTTY, SSH2), JWTs and crypto-wallet keys. A key block is reported whole: header,
 * body and footer, so the placeholder replaces the entire key. A header without a real body (docs, `...`) is not a key.
 */
import type { Rule } from '../../types';
import { BASE64, BASE64URL, DOCUMENTED_EXAMPLE_VALUES, HEX, contextKey, randomChars, secretRule } from './build';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

const pemLines = (label: string, length: number, newline = '\n') =>
  (randomChars(length, BASE64, label).match(/.{1,64}/g) ?? []).join(newline);

/** Body: anything but a run of five dashes, so the match stops at the footer (or the next armour line) in one pass. */
const BODY = '(?:[^-]|-(?!----)){64,20000}';

/** The body must carry a long base64 run: "MIIE...", "<your key here>" and prose are not keys. */
const KEY_MATERIAL = /[A-Za-z0-9+/]{40,}/;
// Most keys have such a run on one line already; only wrapped short lines need the line breaks removed first (removing
// them only joins runs, so the first test never accepts what the second would refuse).
const hasKeyMaterial = (value: string) => KEY_MATERIAL.test(value) || KEY_MATERIAL.test(value.replace(/\\n|\r?\n/g, ''));

const pemRule = (id: string, label: string, description: string, keyword: string): Rule => {
  const block = (n: number, newline = '\n') =>
    `-----BEGIN ${label}-----${newline}${pemLines(id, n === 0 ? 1180 : 380, newline)}${newline}-----END ${label}-----`;
  return secretRule({
    id,
    type: 'PRIVATE_KEY',
    description,
    regex: `-----BEGIN ${label}-----${BODY}(?:-----END ${label}-----)?`,
    keywords: [keyword],
    entropy: 4,
    confidence: 0.95,
    validate: hasKeyMaterial,
    examples: {
      positive: [
        { text: `Here is the key from the server, why does ssh reject it?\n${block(0)}\n`, match: block(0) },
        { text: `const key = "${block(1, '\\n')}";`, match: block(1, '\\n') },
      ],
      negative: [
        `-----BEGIN ${label}-----\n...\n-----END ${label}-----`, // elided in docs
        `-----BEGIN ${label}-----\n<paste your private key here, it must include the header and the footer lines>\n-----END ${label}-----`,
      ],
    },
  });
};

const b64url = (text: string) => btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const fakeJwt = (n: number, alg = 'HS256') =>
  `${b64url(JSON.stringify({ alg, typ: 'JWT' }))}.${b64url(JSON.stringify({ sub: randomChars(12, HEX, 'jwtsub', n), role: 'service_role', iat: 1735689600 + n }))}.${randomChars(43, BASE64URL, 'jwtsig', n)}`;

/** The header of a JWT decodes to a JSON object naming its algorithm. */
function isJwtHeader(token: string): boolean {
  const header = token.slice(0, token.indexOf('.'));
  try {
    const json = atob(header.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(header.length / 4) * 4, '='));
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null && typeof (parsed as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

const puttyKey = () =>
  [
    'PuTTY-User-Key-File-3: ssh-ed25519',
    'Encryption: none',
    'Comment: deploy@build-01',
    'Public-Lines: 2',
    pemLines('putty-pub', 64),
    pemLines('putty-pub2', 4),
    'Private-Lines: 1',
    pemLines('putty-priv', 44),
    `Private-MAC: ${randomChars(64, HEX, 'putty-mac')}`,
  ].join('\n');

export const keyRules: Rule[] = [
  pemRule('private-key-rsa', 'RSA PRIVATE KEY', 'RSA private key (PEM/PKCS#1): impersonates the server, user or signer that owns it.', 'begin rsa private key'),
  pemRule('private-key-ec', 'EC PRIVATE KEY', 'EC private key (PEM/SEC1): impersonates the server, user or signer that owns it.', 'begin ec private key'),
  pemRule('private-key-dsa', 'DSA PRIVATE KEY', 'DSA private key (PEM): impersonates the host or user that owns it.', 'begin dsa private key'),
  pemRule('private-key-pkcs8', 'PRIVATE KEY', 'Private key (PEM/PKCS#8, any algorithm): impersonates the server, service account or signer that owns it.', 'begin private key'),
  pemRule('private-key-pkcs8-encrypted', 'ENCRYPTED PRIVATE KEY', 'Encrypted private key (PKCS#8): crackable offline if the passphrase is weak.', 'begin encrypted private key'),
  pemRule('private-key-openssh', 'OPENSSH PRIVATE KEY', 'OpenSSH private key: logs into every server that trusts its public key.', 'begin openssh private key'),
  pemRule('private-key-pgp', 'PGP PRIVATE KEY BLOCK', 'PGP/GPG private key block: decrypts the owner\'s mail and signs as them.', 'begin pgp private key block'),
  secretRule({
    id: 'private-key-other',
    type: 'PRIVATE_KEY',
    description: 'Private key in another PEM flavour (ED25519, X25519, SM2, DH…): impersonates whoever owns it.',
    regex: `-----BEGIN (?:[A-Z0-9]{1,20} ){1,3}PRIVATE KEY-----${BODY}(?:-----END (?:[A-Z0-9]{1,20} ){1,3}PRIVATE KEY-----)?`,
    keywords: ['-----begin '],
    entropy: 4,
    confidence: 0.9,
    validate: hasKeyMaterial,
    examples: {
      positive: [`-----BEGIN ED25519 PRIVATE KEY-----\n${pemLines('ed25519', 120)}\n-----END ED25519 PRIVATE KEY-----`],
      negative: ['-----BEGIN X25519 PRIVATE KEY-----\n...\n-----END X25519 PRIVATE KEY-----'],
    },
  }),
  secretRule({
    id: 'private-key-ssh2',
    type: 'PRIVATE_KEY',
    description: 'SSH2 (RFC 4716 style) private key block: logs into servers that trust it.',
    regex: `---- BEGIN SSH2 (?:ENCRYPTED )?PRIVATE KEY ----${BODY}(?:---- END SSH2 (?:ENCRYPTED )?PRIVATE KEY ----)?`,
    keywords: ['---- begin ssh2'],
    entropy: 4,
    confidence: 0.95,
    validate: hasKeyMaterial,
    examples: {
      positive: [`---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "rsa-key-20240101"\n${pemLines('ssh2', 900)}\n---- END SSH2 ENCRYPTED PRIVATE KEY ----`],
      negative: ['---- BEGIN SSH2 PUBLIC KEY ----\nAAAAB3NzaC1yc2E\n---- END SSH2 PUBLIC KEY ----'],
    },
  }),
  secretRule({
    id: 'private-key-putty',
    type: 'PRIVATE_KEY',
    description: 'PuTTY private key (.ppk): logs into every server that trusts its public key.',
    // The Private-Lines section is the secret (the public lines are public); the PuTTY header must be nearby.
    regex: 'Private-Lines: \\d{1,3}\\r?\\n((?:[A-Za-z0-9+/=]{1,64}\\r?\\n){0,199}[A-Za-z0-9+/=]{1,64})(?![A-Za-z0-9+/=-])',
    group: 1,
    keywords: ['private-lines:'],
    context: ['putty-user-key-file-2', 'putty-user-key-file-3'],
    requireContext: true,
    contextWindow: 2000,
    entropy: 4,
    confidence: 0.95,
    examples: {
      positive: [{ text: puttyKey(), match: pemLines('putty-priv', 44) }],
      negative: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\n<redacted>'],
    },
  }),
  secretRule({
    id: 'jwt',
    type: 'JWT',
    description: 'JSON Web Token: a bearer credential; whoever holds it is the subject until it expires.',
    regex: '(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,2000}\\.eyJ[A-Za-z0-9_-]{10,8000}\\.[A-Za-z0-9_-]{0,2000}(?![A-Za-z0-9_.-])',
    keywords: ['eyj'],
    entropy: 3.5,
    confidence: 0.85,
    allowlist: DOCUMENTED_EXAMPLE_VALUES,
    validate: (value) => isJwtHeader(value),
    examples: {
      positive: [
        { text: `curl -H "Authorization: Bearer ${fakeJwt(0)}" https://api.acme.io/v1/me`, match: fakeJwt(0) },
        { text: `SUPABASE_SERVICE_ROLE_KEY=${fakeJwt(1)}`, match: fakeJwt(1) },
        { text: `token=${fakeJwt(2, 'none').replace(/[A-Za-z0-9_-]+$/, '')}`, match: fakeJwt(2, 'none').replace(/[A-Za-z0-9_-]+$/, '') },
      ],
      negative: [
        'eyJhbGciOiJIUzI1NiJ9.eyJ... (truncated)', // elided
        'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c', // jwt.io sample
        `data:${btoa('{"name":"widget","size":3}')}.${btoa('{"more":"data"}')}.x`, // base64 JSON without an alg header
      ],
    },
  }),
  contextKey({
    id: 'crypto-private-key-hex',
    type: 'PRIVATE_KEY',
    description: 'Raw 256-bit private key (Ethereum/secp256k1/ed25519 hex): spends the wallet\'s funds or signs as it.',
    name: 'private[_ -]?key|priv[_-]?key|eth(?:ereum)?[_ -]?(?:private|priv)|wallet[_ -]?(?:private|priv|secret)|signer[_ -]?key|deployer[_ -]?key|mnemonic[_ -]?key',
    value: '(?:0x)?[a-fA-F0-9]{64}',
    sample: (n) => '0x' + randomChars(64, HEX, 'ethkey', n),
    labels: ['PRIVATE_KEY', 'wallet private key'],
    keywords: ['private', 'priv', 'wallet', 'signer', 'deployer', 'mnemonic'],
    entropy: 3,
    negatives: ['sha256: ' + randomChars(64, HEX, 'sha'), 'commit ' + randomChars(40, HEX, 'gitsha')],
  }),
  contextKey({
    id: 'bitcoin-wif-private-key',
    type: 'PRIVATE_KEY',
    description: 'Bitcoin WIF private key: spends the address\'s funds.',
    name: 'wif|bitcoin|btc|private[_ -]?key',
    value: '[5KL][1-9A-HJ-NP-Za-km-z]{50,51}',
    sample: (n) => 'K' + randomChars(51, BASE58, 'wif', n),
    labels: ['BTC_WIF', 'bitcoin private key'],
    keywords: ['wif', 'bitcoin', 'btc', 'private'],
    entropy: 4,
  }),
];
