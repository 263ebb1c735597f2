import { parse } from 'node-html-parser';
import { CoreError } from '../base/errors';
import { compareRuns } from '../runs/compare-runs';
import { queryRunLog } from '../runs/query';
import type { FlowRunView, RunComparison, RunLogEntry, RunLogFilter, RunLogPage } from '../../shared/views';
import type { HarnessRuntime } from './harness-runtime';

/** The sign-in logs and the runs kept in memory: what these operations read of the runtime, and no more. */
export type LogContext = Pick<HarnessRuntime, 'log' | 'findRun'>;

/** The sign-in logs screen's page: the newest matching runs, and whether the log has a problem to tell. */
export function queryLog(rt: LogContext, filter: RunLogFilter, page: { offset: number; limit: number }): RunLogPage {
  const result = queryRunLog(rt.log.entries(), filter, page);
  const problem = rt.log.writeProblem ?? rt.log.loadProblem;
  return { ...result, ...(problem ? { problem } : {}) };
}

function entry(rt: LogContext, id: string): RunLogEntry {
  const e = rt.log.entries().find((x) => x.id === id);
  if (!e) throw new CoreError('RUN_NOT_FOUND', `No run ${id} in the sign-in logs.`);
  return e;
}

export async function loggedRun(rt: LogContext, id: string): Promise<FlowRunView> {
  entry(rt, id);
  const run = await rt.findRun(id);
  if (!run) throw new CoreError('RUN_NOT_FOUND', `No run ${id} in the sign-in logs, or its file (runs/${id}.json.gz) cannot be read.`);
  return run;
}

export async function compareLogged(rt: LogContext, a: string, b: string): Promise<RunComparison> {
  return compareRuns({ entry: entry(rt, a), run: await loggedRun(rt, a) }, { entry: entry(rt, b), run: await loggedRun(rt, b) });
}

/**
 * A page of a run (the one it ended on, or one hop's), for the UI's sandboxed frame. Scripts are removed: the
 * frame may not run them anyway, and without them the page draws as it stood (its <noscript> button shows).
 */
export async function runPage(rt: LogContext, id: string, hop: number | undefined): Promise<{ html: string }> {
  const run = await rt.findRun(id);
  if (!run) throw new CoreError('RUN_NOT_FOUND', `No run ${id}.`);
  const body = hop === undefined ? run.result.page?.html : run.result.hops[hop]?.body;
  if (body === undefined) throw new CoreError('PAGE_NOT_FOUND', hop === undefined ? `Run ${id} ended on no page.` : `Run ${id} has no page at hop ${hop}.`);
  return { html: withoutScripts(body) };
}

function withoutScripts(body: string): string {
  const root = parse(body, { comment: true });
  const scripts = root.querySelectorAll('script');
  if (!scripts.length) return body;
  for (const el of scripts) el.remove();
  return root.toString();
}
