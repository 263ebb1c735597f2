import type { RunLogEntry, RunLogFilter, RunLogPage } from './model';

const haystack = (e: RunLogEntry) => [e.id, e.user, e.app, e.sp, e.vendorId, e.flow, e.source, e.status, e.result, e.message].filter(Boolean).join(' ').toLowerCase();

function matches(e: RunLogEntry, f: RunLogFilter, words: string[]): boolean {
  if (f.user && e.user?.toLowerCase() !== f.user.toLowerCase()) return false;
  if (f.app && e.app !== f.app) return false;
  if (f.status && e.status !== f.status) return false;
  if (f.code && e.result.toLowerCase() !== f.code.toLowerCase()) return false;
  if (f.source && e.source !== f.source) return false;
  if (words.length === 0) return true;
  const text = haystack(e);
  return words.every((w) => text.includes(w));
}

const sorted = (values: Iterable<string | undefined>) => [...new Set([...values].filter((v): v is string => Boolean(v)))].sort((x, y) => x.localeCompare(y));

/** The newest runs that match a filter (a page of them), how many match, and what there is to filter by. */
export function queryRunLog(all: readonly RunLogEntry[], filter: RunLogFilter, page: { offset: number; limit: number }): Omit<RunLogPage, 'problem'> {
  const words = (filter.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const hits: RunLogEntry[] = [];
  for (let i = all.length - 1; i >= 0; i--) if (matches(all[i]!, filter, words)) hits.push(all[i]!);
  return {
    total: all.length,
    matched: hits.length,
    entries: hits.slice(page.offset, page.offset + page.limit),
    facets: { users: sorted(all.map((e) => e.user)), apps: sorted(all.map((e) => e.app)), codes: sorted(all.filter((e) => e.status === 'failure').map((e) => e.result)) },
  };
}
