import type { ScenarioOutcome } from '../../core/scenarios/runner';
import type { ScenarioExpectation } from '../../core/scenarios/schema';

/** One scenario file's result, as every reporter sees it. */
export interface ScenarioResult {
  file: string;
  name: string;
  status: 'passed' | 'failed' | 'error';
  durationMs: number;
  expected?: ScenarioExpectation;
  actual?: ScenarioOutcome;
  /** For 'error': why the file could not be run (it does not parse, the run crashed). */
  message?: string;
  code?: string;
}
