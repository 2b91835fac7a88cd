import { checkSync } from 'recheck';
import { unsafeCodeRules } from '/work/main/lib/inspection/unsafe-code-rules';
const r = unsafeCodeRules.find((x) => x.id === process.argv[2])!;
// split top-level alternatives
const src = r.pattern.source; const parts: string[] = []; let depth = 0, cls = false, cur = '';
for (let i = 0; i < src.length; i++) { const c = src[i]!; if (c === '\\') { cur += c + src[++i]; continue; } if (cls) { if (c === ']') cls = false; cur += c; continue; } if (c === '[') cls = true; if (c === '(') depth++; if (c === ')') depth--; if (c === '|' && depth === 0) { parts.push(cur); cur = ''; continue; } cur += c; }
parts.push(cur);
for (const p of parts) { const res: any = checkSync('^(?:' + p + ')', r.pattern.flags.replace(/[gy]/g, ''), { timeout: 10000 }); console.log(res.status, p.slice(0, 150)); }
