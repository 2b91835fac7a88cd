import type { Rule } from '../../types';
import { ipv4Valid, ipv6Valid } from '../../validators';

/**
 * Decision: private (10/8, 172.16/12, 192.168/16) and public addresses are reported — both reveal infrastructure.
 * Universal constants that identify nothing are not: 0.0.0.0, 127.0.0.1, 255.255.255.255, netmasks (255.255.255.0),
 * `::`, `::1`. Dotted numbers after version words ("version 1.2.3.4", "build 10.0.19045.1") are versions.
 */
const IPV4_CONSTANTS = new Set(['0.0.0.0', '127.0.0.1', '255.255.255.255']);
/** The standard blocks written as CIDR ("10.0.0.0/8 is private"): textbook ranges, not anyone's network. */
const STANDARD_BLOCKS = new Set(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '127.0.0.0/8', '169.254.0.0/16',
  '100.64.0.0/10', '224.0.0.0/4', '240.0.0.0/4', '198.18.0.0/15']);
const VERSION_BEFORE =
  /(?:\b(?:version|ver|v|release|build|rev|revision|firmware|fw|sdk|api|chrome|firefox|node|python|android|ios|windows|git|kernel|jdk|fixed in|introduced in|since|upgraded? to|updated? to|downgraded? to|bump(?:ed)? to)\s*[:=#]?\s*)$/i;
/**
 * 1.8.1.2, 1.6.0.1: a single-digit first part and every part at most 20 reads as a version (release notes are full of
 * them); as an address it is rare enough that an address needs a network word nearby to count.
 */
function isVersionShaped(value: string): boolean {
  const parts = value.split('.').map(Number);
  return parts[0]! <= 9 && parts.every((part) => part <= 20);
}
const IP_CONTEXT_NEAR = /\b(?:ip|ips|ipv4|host|hostname|server|address|addr|ssh|ping|connect|subnet|gateway|dns|vpn|firewall|proxy|route|nameserver|resolver|curl|http|https|tcp|udp|port|inet|eth\d|listen|bind|whitelist|allowlist|blocklist|request|client|peer|remote)\b/i;

/** A JSON or YAML key that holds a version: `"v8": "11.3.244.8"`, `version: 1.2.3.4`, `"chromeVersion": "…"`. */
const VERSION_KEY_BEFORE = /["']?(?:[\w.-]*version|ver|v8|node|npm|openssl|zlib|uv|libuv|icu|electron|chrome|chromium|oid)["']?[ \t]*[:=][ \t]*["']?$/i;
/** Words after a dotted number that make it a version: "the 1.7.3.1 release", "Git 1.8.1.4 Release Notes". */
const VERSION_AFTER = /^[ \t]+(?:release|releases|release notes|changelog|(?:and|or) (?:later|newer|above))\b/i;
/** Numbered parts of a document: "section 11.6.2.2", "§ 4.2.1.3", "clause 7.1.2.4". */
const SECTION_BEFORE = /(?:\b(?:sections?|sec|clause|chapter|ch|para|paragraph|article|art|appendix|annex|figure|fig|table|step|item|rule)\.?|§)\s*\[?$/i;
/**
 * A spec reference written as a link or heading: "[7.6.1.1](https://…#x7.6.1.1)", "[11.6.2.2 Future Reserved Words]":
 * the number opens a bracket and goes on to a link with a fragment or to capitalised words.
 */
function isNumberedReference(text: string, start: number, end: number): boolean {
  if (text[start - 1] !== '[') return false;
  const after = text.slice(end, end + 80);
  return /^\]\([^)\s]*#/.test(after) || /^ \p{Lu}[\p{L}-]*(?: [\p{L}-]+){0,6}\]/u.test(after);
}

/** 255.255.255.0, 255.255.240.0: ones then zeros. Not an address; other 255.x values (255.178.203.46) still are. */
function isNetmask(value: string): boolean {
  const bits = value
    .split('.')
    .map((octet) => Number(octet).toString(2).padStart(8, '0'))
    .join('');
  return bits.startsWith('1') && !bits.includes('01');
}

export const ipv4Rule: Rule = {
  id: 'ipv4-address',
  kind: 'pii',
  type: 'IP_ADDRESS',
  description: 'IPv4 address: maps your network (hosts, internal ranges) and can locate a person.',
  pattern: /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w-]|\.\w)/g,
  context: ['ip', 'host', 'server', 'address', 'ssh', 'ping', 'connect', 'subnet', 'gateway', 'dns', 'vpn', 'firewall'],
  // No stated confidence: a value that passes `validate` (ranges, checksums) is reported at the validated 0.9.
  validate: (value, text, start) => {
    if (!ipv4Valid(value) || IPV4_CONSTANTS.has(value) || isNetmask(value)) return false;
    const block = /^\/\d{1,2}(?!\d)/.exec(text.slice(start + value.length, start + value.length + 4));
    if (block && STANDARD_BLOCKS.has(value + block[0])) return false;
    const before = text.slice(Math.max(0, start - 20), start);
    const end = start + value.length;
    if (VERSION_BEFORE.test(before) || VERSION_KEY_BEFORE.test(before) || VERSION_AFTER.test(text.slice(end, end + 24))) return false;
    if (isVersionShaped(value) && !IP_CONTEXT_NEAR.test(text.slice(Math.max(0, start - 40), end + 40))) return false;
    return !SECTION_BEFORE.test(before) && !isNumberedReference(text, start, end);
  },
  examples: {
    positive: [
      { text: 'ssh admin@203.0.113.45 -p 2222', match: '203.0.113.45' },
      { text: 'DB_HOST=10.12.0.7', match: '10.12.0.7' },
      'the printer is at 192.168.1.20.',
      { text: 'request from 255.178.203.46 blocked', match: '255.178.203.46' }, // starts like a netmask, is not one
      { text: 'our office egress range is 198.51.100.0/24', match: '198.51.100.0' }, // a specific network still is
      { text: 'Add [10.20.30.40](http://10.20.30.40/admin) to the allow list', match: '10.20.30.40' }, // a link to the host itself
      { text: 'server 10.0.0.5 is out of disk space', match: '10.0.0.5' },
      { text: 'set the resolver to 1.1.1.1 for now', match: '1.1.1.1' }, // version-shaped, but a network word is near
    ],
    negative: [
      'Chrome version 120.0.6099.109 is out', // browser version, four parts
      'release 1.2.3.4 fixes it', // version word before
      'listen on 0.0.0.0:8080', // unspecified address
      'netmask 255.255.255.0',
      'mask 255.255.240.0 on eth0', // ones then zeros: a netmask, whatever the word before
      'OID 1.3.6.1.4.1.311', // more than four parts
      'bump to 2.14.3', // three-part semver
      '300.1.2.3 is not an address', // octet over 255
      'Allow 10.0.0.0/8 and 192.168.0.0/16 (the private ranges).', // textbook blocks
      'as described in section 12.2.4.69 of the HTML spec', // a numbered part of a document
      'Git 1.8.1.4 Release Notes', // a version, by the words after it
      'This was fixed in 1.5.4.1.',
      '{ "node": "20.11.1", "v8": "11.3.244.8", "uv": "1.46.0" }', // a version under a version key
      'The fix for this in 1.8.1.2 had a severe regression.', // version-shaped, no network word near
      'See [7.6.1.1](https://es5.github.io/#x7.6.1.1) for the grammar.', // a spec reference as a link
      '[11.6.2.2 Future Reserved Words](https://tc39.es/ecma262/)', // a numbered heading
    ],
  },
};

/** Up to four hex digits, then 2-7 more colon groups, optionally a dotted IPv4 tail. */
export const IPV6_PATTERN = /(?<![\w:.])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:\.\d{1,3}){0,3}(?![\w:.])/gi;
const IPV6_AT = new RegExp(IPV6_PATTERN.source, 'giy');

function isHexCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

/**
 * The same matches as a global pass of IPV6_PATTERN, found from the colons: a match starts with the hex run right
 * before its first colon (at most four digits; a longer run, or a preceding word character, fails the lookbehind), so
 * each colon gives one start to try with the sticky copy. Text without colons costs one indexOf.
 */
function recognizeIpv6(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let next = 0;
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    let start = colon;
    while (start > 0 && colon - start <= 4 && isHexCode(text.charCodeAt(start - 1))) start--;
    if (colon - start > 4 || start < next) continue;
    IPV6_AT.lastIndex = start;
    const match = IPV6_AT.exec(text);
    if (match === null || match[0].length === 0) continue;
    next = start + match[0].length;
    spans.push({ start, end: next });
  }
  return spans;
}

export const ipv6Rule: Rule = {
  id: 'ipv6-address',
  kind: 'pii',
  type: 'IP_ADDRESS',
  description: 'IPv6 address: identifies a host or a home connection (often a stable prefix per subscriber).',
  recognize: recognizeIpv6,
  innerPatterns: [IPV6_PATTERN],
  keywords: [':'],
  context: ['ip', 'ipv6', 'host', 'server', 'address', 'ssh', 'ping', 'connect', 'subnet', 'prefix'],
  // No stated confidence: a value that passes `validate` (ranges, checksums) is reported at the validated 0.9.
  validate: (value) => {
    if (!ipv6Valid(value)) return false;
    const groups = value.split(':').filter((group) => group.length > 0);
    // `::`, `::1` are constants; "dead::beef"-like words are not addresses people paste.
    if (groups.length < 2 || value === '::1') return false;
    // "attrs[1::2]", "a[0::3]": Python slices, not the addresses people paste.
    if (/^\d{1,3}::\d{1,3}$/.test(value)) return false;
    return /\d/.test(value);
  },
  examples: {
    positive: [
      { text: 'server 2001:db8:85a3::8a2e:370:7334 is down', match: '2001:db8:85a3::8a2e:370:7334' },
      { text: 'link-local fe80::1ff:fe23:4567:890a%eth0', match: 'fe80::1ff:fe23:4567:890a' },
      '::ffff:192.0.2.128 mapped',
    ],
    negative: [
      'started at 12:30:45', // a time
      'std::vector<int>', // C++ scope
      'mac 00:1A:2B:3C:4D:5E', // MAC address, six groups
      'loopback ::1 only',
      'pairs = zip(attrs[0::2], attrs[1::2])', // Python slices
    ],
  },
};
