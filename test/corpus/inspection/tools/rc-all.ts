import { checkSync } from 'recheck';
import { inspectionCatalogue } from '/work/main/lib/inspection/catalogue';
const only = process.argv[2];
for (const rule of inspectionCatalogue) {
  if (only && !rule.id.includes(only)) continue;
  for (const re of [...rule.patterns, ...(rule.anchored ?? []).map((a) => new RegExp(`^(?:${a.source})`, a.flags))]) {
    const r: any = checkSync(re.source, re.flags.replace(/[gdym]/g, ''), { timeout: 10000, checker: (process.env.CHECKER as any) ?? 'auto' });
    if (r.status !== 'safe') {
      console.log(rule.id, r.status, r.complexity?.type, r.complexity?.summary ?? '', '\n  hotspot:', (r.hotspot ?? []).map((h: any) => re.source.slice(h.start, h.end)).join(' || '), '\n  attack:', JSON.stringify(r.attack?.pattern ?? '').slice(0, 120));
    }
  }
}
