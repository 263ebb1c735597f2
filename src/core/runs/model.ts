import type { FlowResult } from '../flows/flows';
import type { Fix } from '../diagnose/verdict-types';
import type { Scenario } from '../scenarios/schema';

/**
 * A run as the sign-in logs keep it on disk and show it: the run itself, its line in the log, the log's filters,
 * pages and comparisons. The wire contract (src/shared/views.ts) hands these on; it does not define them, so the
 * disk format is this folder's own.
 */

export interface FlowRunView {
  id: string;
  vendorId: string;
  request: { flow: FlowResult['flow']; user?: string; attributeSetId?: string };
  result: FlowResult;
  /** The run as a scenario file: its set-up, expecting the outcome it had. */
  scenario?: Scenario;
  /** After a vendor's refusal: what to change, and where. */
  fixes?: Fix[];
}

/** One line of the sign-in logs: who signed in to what, how, and how it ended. */
export interface RunLogEntry {
  id: string;
  /** When the run started (ISO). */
  at: string;
  durationMs: number;
  /** A run from the Run screen, CLI or API; a reproduced preset; a replayed scenario; an outside SP's exchange. */
  source: 'run' | 'reproduced' | 'replayed' | 'external' | 'browser';
  flow: FlowResult['flow'];
  vendorId: string;
  /** The SP's display name. */
  sp: string;
  /** The enterprise app's display name, when the run had one. */
  app?: string;
  user?: string;
  /** As Entra's sign-in logs put it. */
  status: 'success' | 'failure';
  /** signed-in, signed-out, issued, or the error's code. */
  result: string;
  message?: string;
}

export interface RunLogFilter {
  /** Words that must all appear in the line (user, app, SP, code, message, ID). */
  text?: string;
  user?: string;
  app?: string;
  status?: RunLogEntry['status'];
  code?: string;
  source?: RunLogEntry['source'];
}

export interface RunLogPage {
  /** Runs in the log. */
  total: number;
  /** Runs that match the filter; entries holds the newest of them. */
  matched: number;
  entries: RunLogEntry[];
  /** The values to filter by, from the whole log. */
  facets: { users: string[]; apps: string[]; codes: string[] };
  /** The log could not be written, or some lines could not be read. */
  problem?: string;
}

/** Two runs side by side: what differs, by kind. */
export interface RunComparison {
  a: RunLogEntry;
  b: RunLogEntry;
  rows: Array<{ kind: 'run' | 'claim' | 'setting' | 'check'; name: string; a?: string; b?: string; same: boolean }>;
}
