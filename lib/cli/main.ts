/**
 * `chatwarden` CLI: the same engines as the extension, for files, pipes and CI.
 *
 *   chatwarden scan    [FILE|-] [--json | --jsonl] [--policy FILE]
 *   chatwarden redact  [FILE|-] [--json | --jsonl] [--policy FILE]
 *   chatwarden inspect [FILE|-] [--json | --jsonl]
 *
 * Exit codes: 0 nothing found, 1 something found, 2 error (message on stderr). Human output never prints a detected
 * value, only a masked preview. Bundled to dist/cli.mjs by scripts/build-cli.mjs; bin/chatwarden.mjs runs `main`.
 */
import { readFileSync } from 'node:fs';
import type { Finding, ScanPolicy } from '../detection/types';
import { createScanner, type Scanner } from '../detection';
import { PseudonymVault, redact } from '../anonymize';
import { inspect } from '../inspection';
import type { InspectionFinding } from '../inspection/types';
import { validatePolicyInput } from '../policy/schema';

type Command = 'scan' | 'redact' | 'inspect';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads all of standard input. */
  readStdin: () => string;
}

const USAGE = `Usage: chatwarden <scan|redact|inspect> [FILE|-] [--json | --jsonl] [--policy FILE]

  scan      list secrets and personal data found in the text
  redact    print the text with findings replaced by placeholders like [EMAIL_1]
  inspect   check an AI reply for hidden text, injected instructions, exfiltration links, unsafe code

  FILE      file to read; "-" or nothing reads standard input
  --json    one JSON document: {"findings": [...], "redacted": "..."}
  --jsonl   input lines {"id": "...", "text": "..."}; output lines {"id": "...", "findings": [...], "redacted": "..."}
  --policy  a policy JSON (actions, types, customTerms, customPatterns, nationalIdPacks); default: every detector on

Exit status: 0 nothing found, 1 something found, 2 error.`;

class CliError extends Error {}

interface Options {
  command: Command;
  input: string;
  json: boolean;
  jsonl: boolean;
  policyFile?: string;
}

function parseArguments(argv: string[]): Options | 'help' {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return 'help';
  const [command, ...rest] = argv;
  if (command !== 'scan' && command !== 'redact' && command !== 'inspect') {
    throw new CliError(`unknown command "${command}" (expected scan, redact or inspect)`);
  }
  const options: Options = { command, input: '-', json: false, jsonl: false };
  let inputSeen = false;
  for (let i = 0; i < rest.length; i++) {
    const argument = rest[i]!;
    if (argument === '--json') options.json = true;
    else if (argument === '--jsonl') options.jsonl = true;
    else if (argument === '--policy' || argument.startsWith('--policy=')) {
      const value = argument.includes('=') ? argument.slice('--policy='.length) : rest[++i];
      if (!value) throw new CliError('--policy needs a file name');
      options.policyFile = value;
    } else if (argument.startsWith('-') && argument !== '-') {
      throw new CliError(`unknown option "${argument}"`);
    } else {
      if (inputSeen) throw new CliError(`only one input file is accepted (got "${options.input}" and "${argument}")`);
      options.input = argument;
      inputSeen = true;
    }
  }
  if (options.json && options.jsonl) throw new CliError('--json and --jsonl cannot be combined');
  if (options.command === 'inspect' && options.policyFile) throw new CliError('--policy applies to scan and redact only');
  return options;
}

function readInput(name: string, io: CliIo): string {
  if (name === '-') return io.readStdin();
  try {
    return readFileSync(name, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new CliError(`cannot read "${name}": ${reason}`);
  }
}

function loadPolicy(file: string): ScanPolicy {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read policy "${file}": ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new CliError(`policy "${file}" is not valid JSON: ${(error as Error).message}`);
  }
  const validation = validatePolicyInput(parsed);
  if (!validation.ok) {
    const details = validation.errors.map((error) => `  ${error.field}: ${error.message}`).join('\n');
    throw new CliError(`policy "${file}" is invalid:\n${details}`);
  }
  return validation.policy as ScanPolicy;
}

/** Shows enough to find the value again, never the value: first and last two characters of long values only. */
export function maskedPreview(value: string): string {
  const characters = [...value];
  const length = characters.length;
  if (length >= 12) return `${characters.slice(0, 2).join('')}…${characters.slice(-2).join('')} (${length} chars)`;
  return `${'•'.repeat(Math.min(length, 8))} (${length} chars)`;
}

/** 1-based line and column (UTF-16 code units) of an offset. */
function lineAndColumn(text: string, offset: number, lineStarts: number[]): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function publicFinding(finding: Finding | InspectionFinding) {
  const { kind, type, start, end, rule, confidence, message } = finding;
  return { kind, type, start, end, rule, confidence, message };
}

interface Result {
  findings: Array<Finding | InspectionFinding>;
  redacted?: string;
}

function runEngines(command: Command, text: string, scanner: Scanner | null): Result {
  if (command === 'inspect') return { findings: inspect(text) };
  const findings = scanner!.scan(text);
  const { text: redacted } = redact(text, new PseudonymVault(), findings);
  return { findings, redacted };
}

function parseJsonl(input: string): Array<{ id: unknown; text: string }> {
  const records: Array<{ id: unknown; text: string }> = [];
  const lines = input.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (error) {
      throw new CliError(`bad JSON on line ${index + 1}: ${(error as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new CliError(`line ${index + 1}: expected an object like {"id": "...", "text": "..."}`);
    }
    const record = parsed as { id?: unknown; text?: unknown };
    if (typeof record.text !== 'string') throw new CliError(`line ${index + 1}: "text" must be a string`);
    records.push({ id: record.id ?? null, text: record.text });
  }
  return records;
}

function humanReport(command: Command, source: string, text: string, result: Result, io: CliIo): void {
  if (command === 'redact') {
    io.stdout(result.redacted!);
    if (result.findings.length > 0) io.stderr(`chatwarden: ${result.findings.length} finding(s) replaced by placeholders\n`);
    return;
  }
  const lineStarts = lineStartsOf(text);
  const label = source === '-' ? '<stdin>' : source;
  for (const finding of result.findings) {
    const { line, column } = lineAndColumn(text, finding.start, lineStarts);
    const preview = command === 'scan' ? maskedPreview(text.slice(finding.start, finding.end)) : finding.message;
    io.stdout(`${label}:${line}:${column}\t${finding.type}\t${finding.rule}\t${preview}\n`);
  }
  if (result.findings.length === 0) io.stderr('chatwarden: nothing found\n');
}

/** Runs the CLI and returns the exit code (never calls process.exit, so tests can call it in-process). */
export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  try {
    const options = parseArguments(argv);
    if (options === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const policy = options.policyFile ? loadPolicy(options.policyFile) : undefined;
    let scanner: Scanner | null = null;
    if (options.command !== 'inspect') {
      scanner = createScanner(policy);
      if (scanner.errors.length > 0) {
        throw new CliError(`policy custom rules refused:\n${scanner.errors.map((error) => `  ${error.field} "${error.label}": ${error.message}`).join('\n')}`);
      }
    }
    const input = readInput(options.input, io);

    if (options.jsonl) {
      let found = false;
      const records = parseJsonl(input);
      for (const record of records) {
        const result = runEngines(options.command, record.text, scanner);
        found ||= result.findings.length > 0;
        const line: Record<string, unknown> = { id: record.id, findings: result.findings.map(publicFinding) };
        if (result.redacted !== undefined) line.redacted = result.redacted;
        io.stdout(`${JSON.stringify(line)}\n`);
      }
      return found ? 1 : 0;
    }

    const result = runEngines(options.command, input, scanner);
    if (options.json) {
      const document: Record<string, unknown> = { findings: result.findings.map(publicFinding) };
      if (result.redacted !== undefined) document.redacted = result.redacted;
      io.stdout(`${JSON.stringify(document, null, 2)}\n`);
    } else {
      humanReport(options.command, options.input, input, result, io);
    }
    return result.findings.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`chatwarden: ${error.message}\n`);
      if (/unknown (command|option)/.test(error.message)) io.stderr(`\n${USAGE}\n`);
    } else {
      io.stderr(`chatwarden: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    return 2;
  }
}

function nodeIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: () => {
      if (process.stdin.isTTY) throw new CliError('no input: give a FILE, or pipe text into standard input');
      try {
        return readFileSync(0, 'utf8');
      } catch (error) {
        throw new CliError(`cannot read standard input: ${(error as Error).message}`);
      }
    },
  };
}
