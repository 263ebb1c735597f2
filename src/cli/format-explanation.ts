import type { Explanation } from '../core/runs/explain';
import type { Term } from './term';

/** "What collided" and "Changed from the working set-up", as reproduce prints them after the trace. */
export function formatExplanation(e: Explanation, t: Term): string {
  const out: string[] = [];
  if (e.collisions.length) {
    out.push(t.bold('What collided'));
    for (const c of e.collisions) {
      out.push(`  ${c.what}`);
      out.push(`    sent  ${t.red(c.sent.value)}  (${c.sent.where})`);
      c.held.values.forEach((v, i) => out.push(`    ${i === 0 ? 'held' : '    '}  ${v}${i === 0 ? `  (${c.held.where})` : ''}`));
    }
  }
  if (e.changedFromBaseline?.length) {
    out.push(t.bold('Changed from the working set-up'));
    for (const c of e.changedFromBaseline) out.push(`  ${c.label ?? c.path}: ${c.a ?? '(not set)'} → ${c.b ?? '(removed)'}`);
  }
  return out.length ? `\n${out.join('\n')}\n` : '';
}
