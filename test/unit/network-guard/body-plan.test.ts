import { describe, expect, it } from 'vitest';
import { NETWORK_ENDPOINTS, matchEndpoint, type NetworkEndpoint } from '../../../lib/guard/network/endpoints';
import { planFreqForm, planFormDataEntry, planTextBody } from '../../../lib/guard/network/body-plan';
import { locateJsonStrings, replaceJsonStrings } from '../../../lib/guard/network/json-slots';

const endpoint = (name: string): NetworkEndpoint => {
  const found = NETWORK_ENDPOINTS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no endpoint ${name}`);
  return found;
};

/** Stand-in scrubber: what the isolated world does, reduced to one known value. */
const scrubEmail = (strings: readonly string[]) => strings.map((text) => text.replaceAll('bob@example.com', '[EMAIL_1]'));

/** Asserts that `after` equals `before` except that each `from` became `to` (i.e. all other bytes are identical). */
function expectOnlyReplaced(before: string, after: string, from: string, to: string) {
  expect(after).not.toBe(before);
  expect(after.split(to).join('\u0000')).toBe(before.split(from).join('\u0000'));
}

describe('matchEndpoint', () => {
  it('should match each site send endpoint and nothing else', () => {
    expect(matchEndpoint('https://chatgpt.com/backend-api/f/conversation', 'POST')?.name).toBe('chatgpt-conversation');
    expect(matchEndpoint('https://chatgpt.com/backend-api/conversation', 'post')?.name).toBe('chatgpt-conversation');
    expect(matchEndpoint('https://chatgpt.com/backend-api/f/conversation/prepare', 'POST')?.name).toBe('chatgpt-prepare');
    expect(
      matchEndpoint('https://claude.ai/api/organizations/o1/chat_conversations/c1/completion?x=1', 'POST')?.name,
    ).toBe('claude-completion');
    expect(
      matchEndpoint('https://claude.ai/api/organizations/o1/chat_conversations/c1/retry_completion', 'POST')?.name,
    ).toBe('claude-completion');
    expect(
      matchEndpoint(
        'https://gemini.google.com/u/1/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate?bl=x&_reqid=1&rt=c',
        'POST',
      )?.name,
    ).toBe('gemini-stream-generate');
  });

  it('should leave other requests alone', () => {
    expect(matchEndpoint('https://chatgpt.com/backend-api/conversation/abc', 'GET')).toBeNull();
    expect(matchEndpoint('https://chatgpt.com/backend-api/f/conversation', 'GET')).toBeNull();
    expect(matchEndpoint('https://chatgpt.com.evil.example/backend-api/f/conversation', 'POST')).toBeNull();
    expect(matchEndpoint('https://claude.ai/api/organizations/o1/chat_conversations/c1', 'POST')).toBeNull();
    expect(matchEndpoint('not a url', 'POST')).toBeNull();
  });

  it('should not be dodged by percent-encoding or doubled slashes', () => {
    expect(matchEndpoint('https://chatgpt.com/backend-api/f/%63onversation', 'POST')?.name).toBe('chatgpt-conversation');
    expect(matchEndpoint('https://chatgpt.com/backend-api//f/conversation', 'POST')?.name).toBe('chatgpt-conversation');
  });
});

describe('locateJsonStrings', () => {
  it('should find string leaves at wildcard paths with exact offsets', () => {
    const text = '{"a":[{"b":"x\\"y"},{"b":2},{"b":"z"}],"c":"w"}';
    const slots = locateJsonStrings(text, [['a', '*', 'b']]);
    expect(slots?.map((slot) => slot.value)).toEqual(['x"y', 'z']);
    expect(slots?.map((slot) => text.slice(slot.start, slot.end))).toEqual(['"x\\"y"', '"z"']);
  });

  it('should refuse invalid JSON', () => {
    expect(locateJsonStrings('{"a":', [['a']])).toBeNull();
    expect(locateJsonStrings('{"a":1} trailing', [['a']])).toBeNull();
    expect(locateJsonStrings("{'a':1}", [['a']])).toBeNull();
  });

  it('should agree with JSON.parse on a valid document', () => {
    const value = { prompt: 'é \u2028 \\ "q" 😀', n: -1.5e3, t: true, z: null, arr: [[], {}, ''] };
    const text = JSON.stringify(value, null, 2);
    const slots = locateJsonStrings(text, [['prompt']]);
    expect(slots?.[0]?.value).toBe(value.prompt);
  });

  it('should keep the \\u escaping style of the literal it replaces', () => {
    const text = '{"prompt":"caf\\u00e9 bob@example.com"}';
    const slots = locateJsonStrings(text, [['prompt']]) ?? [];
    const output = replaceJsonStrings(text, slots, ['café [EMAIL_1]']);
    expect(output).toBe('{"prompt":"caf\\u00e9 [EMAIL_1]"}');
  });
});

describe('planTextBody for ChatGPT', () => {
  const body =
    '{"action":"next","messages":[{"id":"m1","author":{"role":"user"},"content":{"content_type":"text",' +
    '"parts":["mail bob@example.com now"]},"metadata":{}}],"parent_message_id":"client-created-root",' +
    '"model":"auto","note":"bob@example.com stays: not a text field" ,  "n": 1.50}';

  it('should scrub message parts and keep every other byte', () => {
    const plan = planTextBody(endpoint('chatgpt-conversation').body, body);
    expect(plan?.strings).toEqual(['mail bob@example.com now']);
    const output = plan!.apply(scrubEmail(plan!.strings));
    expect(output).toBe(body.replace('mail bob@example.com now', 'mail [EMAIL_1] now'));
    expect(JSON.parse(output).note).toContain('bob@example.com');
  });

  it('should scrub the /prepare draft in partial_query', () => {
    const draft =
      '{"partial_query":{"id":"d1","author":{"role":"user"},"content":{"content_type":"text","parts":["bob@example.com"]}},' +
      '"client_prepare_source":"composer_editor_state","client_prepare_dispatch":"debounced"}';
    const plan = planTextBody(endpoint('chatgpt-prepare').body, draft);
    expectOnlyReplaced(draft, plan!.apply(scrubEmail(plan!.strings)), 'bob@example.com', '[EMAIL_1]');
  });

  it('should return the very same string when nothing changes', () => {
    const plan = planTextBody(endpoint('chatgpt-conversation').body, body);
    expect(plan!.apply(plan!.strings)).toBe(body);
  });
});

describe('planTextBody for Claude', () => {
  it('should scrub prompt and every attachment extracted_content', () => {
    const body = JSON.stringify({
      prompt: 'hi bob@example.com',
      parent_message_uuid: 'p',
      attachments: [
        { file_name: 'bob@example.com.txt', extracted_content: 'to: bob@example.com', file_size: 10 },
        { file_name: 'b.txt', extracted_content: 'clean' },
      ],
      files: [],
    });
    const plan = planTextBody(endpoint('claude-completion').body, body);
    expect(plan?.strings).toEqual(['hi bob@example.com', 'to: bob@example.com', 'clean']);
    const output = JSON.parse(plan!.apply(scrubEmail(plan!.strings)));
    expect(output.prompt).toBe('hi [EMAIL_1]');
    expect(output.attachments[0].extracted_content).toBe('to: [EMAIL_1]');
    // Not a text field of the request, so untouched (file names are the upload path's job).
    expect(output.attachments[0].file_name).toBe('bob@example.com.txt');
  });
});

describe('planFreqForm for Gemini', () => {
  const inner = [['Mail bob@example.com please', 0, null, [], null, null, 0], ['en'], ['c_1', 'r_1', 'rc_1']];
  const outer = JSON.stringify([null, JSON.stringify(inner)]);

  it('should scrub inner[0][0] through both JSON layers and keep the at= token and order', () => {
    const body = `f.req=${encodeURIComponent(outer)}&at=AJvLN6M%3A1700000000000&`;
    const plan = planFreqForm(body, endpoint('gemini-stream-generate').body.fields);
    expect(plan?.strings).toEqual(['Mail bob@example.com please']);
    const output = plan!.apply(scrubEmail(plan!.strings));
    expect(output.endsWith('&at=AJvLN6M%3A1700000000000&')).toBe(true);
    const freq = new URLSearchParams(output).get('f.req')!;
    const parsedInner = JSON.parse(JSON.parse(freq)[1]);
    expect(parsedInner[0][0]).toBe('Mail [EMAIL_1] please');
    expect(parsedInner.slice(1)).toEqual(inner.slice(1));
    expect(output).toBe(`f.req=${encodeURIComponent(outer.replace('bob@example.com', '[EMAIL_1]'))}&at=AJvLN6M%3A1700000000000&`);
  });

  it('should keep URLSearchParams-style encoding (+ for spaces) when the page used it', () => {
    const body = new URLSearchParams({ 'f.req': outer, at: 'tok' }).toString();
    const plan = planFreqForm(body, [[0, 0]]);
    const output = plan!.apply(scrubEmail(plan!.strings));
    expect(output).toBe(new URLSearchParams({ 'f.req': outer.replace('bob@example.com', '[EMAIL_1]'), at: 'tok' }).toString());
  });

  it('should handle the f.req entry of a FormData body', () => {
    const plan = planFormDataEntry(endpoint('gemini-stream-generate').body, 'f.req', outer);
    expect(plan).not.toBeNull();
    expect(plan).not.toBe('untouched');
    if (plan && plan !== 'untouched') {
      expect(JSON.parse(JSON.parse(plan.apply(scrubEmail(plan.strings)))[1])[0][0]).toBe('Mail [EMAIL_1] please');
    }
    expect(planFormDataEntry(endpoint('gemini-stream-generate').body, 'at', 'x')).toBe('untouched');
  });

  it('should scrub the text of inlined files in inner[0][3][i][2] too', () => {
    const withFiles = [['see file', 0, null, [['file-id-1', 1, 'to: bob@example.com'], ['file-id-2', 1, 'clean']]], ['en']];
    const body = `f.req=${encodeURIComponent(JSON.stringify([null, JSON.stringify(withFiles)]))}&at=t`;
    const plan = planFreqForm(body, endpoint('gemini-stream-generate').body.fields);
    expect(plan?.strings).toEqual(['see file', 'to: bob@example.com', 'clean']);
    const inner = JSON.parse(JSON.parse(new URLSearchParams(plan!.apply(scrubEmail(plan!.strings))).get('f.req')!)[1]);
    expect(inner[0][3][0]).toEqual(['file-id-1', 1, 'to: [EMAIL_1]']);
  });

  it('should refuse a malformed or duplicated f.req (the caller fails closed)', () => {
    expect(planFreqForm('f.req=%E0%A4%A&at=1', [[0, 0]])).toBeNull();
    expect(planFreqForm(`f.req=${encodeURIComponent('[null,"{not json"]')}`, [[0, 0]])).toBeNull();
    expect(planFreqForm(`f.req=${encodeURIComponent(outer)}&f.req=${encodeURIComponent(outer)}`, [[0, 0]])).toBeNull();
  });
});
