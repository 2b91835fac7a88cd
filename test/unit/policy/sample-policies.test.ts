/**
 * docs/sample-policies must be usable as shipped: each sample's ChatWarden policy is extracted the way the browser
 * would read it and must pass both the managed schema and the validator.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePolicyInput } from '../../../lib/policy/schema';
import { validateAgainstChromeSchema, type ChromeSchema } from './chrome-schema';

const ROOT = join(__dirname, '../../..');
const SAMPLES = join(ROOT, 'docs/sample-policies');
const EXTENSION_ID = 'fhpmldgfnnnhodpdkcolnecejbdbhfno';
const GECKO_ID = 'chatwarden@chatwarden.dev';
const managedSchema = JSON.parse(readFileSync(join(ROOT, 'public/managed_schema.json'), 'utf8')) as ChromeSchema;
const read = (name: string) => readFileSync(join(SAMPLES, name), 'utf8');
const reference = JSON.parse(read('chatwarden-policy.json')) as unknown;

function expectValid(policy: unknown): void {
  expect(validateAgainstChromeSchema(policy, managedSchema)).toEqual([]);
  expect(validatePolicyInput(policy)).toMatchObject({ ok: true, warnings: [] });
}

/** Reads a .reg file the way Chrome's registry loader does, typed by the managed schema. */
function policyFromReg(text: string, root: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let target: Record<string, unknown> | undefined;
  let schema: ChromeSchema | undefined;
  for (const line of text.split(/\r?\n/)) {
    const section = /^\[(.*)\]$/.exec(line);
    if (section) {
      const path = section[1]!;
      if (!path.startsWith(root)) throw new Error(`unexpected key ${path}`);
      const parts = path.slice(root.length).split('\\').filter(Boolean);
      target = out;
      schema = managedSchema;
      for (const part of parts) {
        target = (target[part] ??= {}) as Record<string, unknown>;
        const child: ChromeSchema | undefined = schema?.properties?.[part] ?? schema?.additionalProperties;
        schema = child;
      }
      continue;
    }
    const value = /^"([^"]+)"=(.*)$/.exec(line);
    if (!value || !target || !schema) continue;
    const [, name, raw] = value as unknown as [string, string, string];
    const type = (schema.properties?.[name] ?? schema.additionalProperties)!.type;
    if (raw.startsWith('dword:')) {
      const number = Number.parseInt(raw.slice(6), 16);
      target[name] = type === 'boolean' ? number !== 0 : number;
    } else {
      const string = (JSON.parse(raw) as string); // .reg string escaping (\\ and \") matches JSON's for these samples
      target[name] = type === 'array' || type === 'object' ? (JSON.parse(string) as unknown) : string;
    }
  }
  return out;
}

/** A minimal plist reader (dict, array, key, string, integer, true, false). */
function parsePlist(xml: string): unknown {
  const tokens = xml
    .replace(/<\?xml[^>]*>|<!DOCTYPE[^>]*>/g, '')
    .match(/<[^>]+>|[^<]+/g)!
    .map((token) => token.trim())
    .filter(Boolean);
  let index = 0;
  const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const value = (): unknown => {
    const token = tokens[index++]!;
    if (token === '<true/>') return true;
    if (token === '<false/>') return false;
    if (token === '<array/>') return [];
    if (token === '<dict/>') return {};
    if (token === '<string>' || token === '<integer>') {
      let text = '';
      if (!tokens[index]!.startsWith('</')) text = tokens[index++]!;
      index++; // closing tag
      return token === '<string>' ? decode(text) : Number(text);
    }
    if (token === '<array>') {
      const items: unknown[] = [];
      while (tokens[index] !== '</array>') items.push(value());
      index++;
      return items;
    }
    if (token === '<dict>') {
      const entries: Record<string, unknown> = {};
      while (tokens[index] !== '</dict>') {
        if (tokens[index++] !== '<key>') throw new Error('expected <key>');
        const key = tokens[index++]!;
        index++; // </key>
        entries[key] = value();
      }
      index++;
      return entries;
    }
    throw new Error(`unexpected ${token}`);
  };
  while (tokens[index] !== '<plist version="1.0">') index++;
  index++;
  return value();
}

describe('sample policies', () => {
  it('the reference policy and the strict policy are valid', () => {
    expectValid(reference);
    expectValid(JSON.parse(read('strict-policy.json')));
  });

  it('Linux JSON (Chrome/Chromium/Edge managed folder) carries the policy under 3rdparty.extensions and force-installs', () => {
    const file = JSON.parse(read('chrome-linux-managed.json')) as Record<string, any>;
    const policy = file['3rdparty'].extensions[EXTENSION_ID];
    expectValid(policy);
    expect(policy).toEqual(reference);
    expect(file.ExtensionSettings[EXTENSION_ID].installation_mode).toBe('force_installed');
  });

  it('Firefox policies.json carries the policy under 3rdparty.Extensions and force-installs', () => {
    const file = JSON.parse(read('firefox-policies.json')) as Record<string, any>;
    const policy = file.policies['3rdparty'].Extensions[GECKO_ID];
    expectValid(policy);
    expect(policy).toEqual(reference);
    expect(file.policies.ExtensionSettings[GECKO_ID].installation_mode).toBe('force_installed');
  });

  it.each([
    ['chrome-windows.reg', 'Google\\Chrome'],
    ['edge-windows.reg', 'Microsoft\\Edge'],
  ])('%s reads back as the reference policy', (name, vendor) => {
    const root = `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\${vendor}\\3rdparty\\extensions\\${EXTENSION_ID}\\policy`;
    const text = read(name);
    expect(text.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
    const policy = policyFromReg(text, root);
    expectValid(policy);
    expect(policy).toEqual(reference);
  });

  it.each([
    ['chrome-macos.mobileconfig', `com.google.Chrome.extensions.${EXTENSION_ID}`],
    ['edge-macos.mobileconfig', `com.microsoft.Edge.extensions.${EXTENSION_ID}`],
  ])('%s reads back as the reference policy', (name, domain) => {
    const profile = parsePlist(read(name)) as Record<string, any>;
    expect(profile.PayloadType).toBe('Configuration');
    const payload = profile.PayloadContent[0];
    expect(payload.PayloadType).toBe('com.apple.ManagedClient.preferences');
    const policy = payload.PayloadContent[domain].Forced[0].mcx_preference_settings;
    expectValid(policy);
    expect(policy).toEqual(reference);
  });
});
