/**
 * Writes the labelled JSONL corpora from the hand-written sources:
 *   npx tsx test/corpus/inspection/build-corpus.ts
 * Each line: {"id","text","labels":[kinds],"family","note"}. Benign look-alikes have labels [].
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hiddenAttacks, hiddenBenign, exfilAttacks, exfilBenign } from './sources/hidden-exfil';
import { injectionAttacks, injectionBenign } from './sources/injection';
import { codeAttacks, codeBenign } from './sources/code';

type Family = 'hidden-text' | 'injection' | 'exfil-link' | 'unsafe-code';

function write(file: string, family: Family, attacks: Array<[string, string]>, benign: Array<[string, string]>): void {
  const prefix = family.split('-')[0];
  const lines = [
    ...attacks.map(([text, note], i) => ({ id: `${prefix}-a${String(i + 1).padStart(3, '0')}`, text, labels: [family], family, note })),
    ...benign.map(([text, note], i) => ({ id: `${prefix}-b${String(i + 1).padStart(3, '0')}`, text, labels: [], family, note })),
  ];
  writeFileSync(join(import.meta.dirname, file), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  console.log(`${file}: ${attacks.length} attacks, ${benign.length} benign`);
}

write('hidden-text.jsonl', 'hidden-text', hiddenAttacks, hiddenBenign);
write('injection.jsonl', 'injection', injectionAttacks, injectionBenign);
write('exfil.jsonl', 'exfil-link', exfilAttacks, exfilBenign);
write('unsafe-code.jsonl', 'unsafe-code', codeAttacks, codeBenign);
