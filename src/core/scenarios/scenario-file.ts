import { CoreError, err, ok, type Result } from '../base/errors';
import { resolveProfile } from '../vendors/registry';
import { Scenario, SCENARIO_FORMAT, SCENARIO_VERSION } from './schema';

/** Top-level keys in the order a person reads a scenario: what it is, what it expects, then the set-up. */
const TOP_ORDER = ['format', 'version', 'name', 'description', 'clock', 'expect', 'flow', 'vendor', 'app', 'tenant'];

/** Keys that say what an object is come first at any level; the rest follow alphabetically. */
const LEAD = ['status', 'kind', 'method', 'profile', 'code', 'name'];

function sortKeys(value: unknown, order: readonly string[] = LEAD): unknown {
  if (Array.isArray(value)) return value.map((v) => sortKeys(v));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : Number.MAX_SAFE_INTEGER);
  entries.sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}

/** The file's text: keys in a fixed order at every level, two-space indent, a final newline — so it diffs well. */
export function serializeScenario(s: Scenario): string {
  return `${JSON.stringify(sortKeys(s, TOP_ORDER), null, 2)}\n`;
}

function jsonError(text: string, e: unknown, source: string): CoreError {
  const message = e instanceof Error ? e.message : String(e);
  const pos = /position (\d+)/.exec(message)?.[1];
  if (pos === undefined) return new CoreError('SCENARIO_NOT_JSON', `${source}: not JSON (${message})`);
  const before = text.slice(0, Number(pos));
  const line = before.split('\n').length;
  const column = Number(pos) - before.lastIndexOf('\n');
  return new CoreError('SCENARIO_NOT_JSON', `${source}:${line}:${column}: not JSON (${message.replace(/ in JSON at position \d+.*$/, '')})`, { line, column });
}

/**
 * Reads a scenario file: JSON, the right format and a version this build reads, every field valid — the
 * vendor settings against the vendor's own schema. Errors name the file and the field.
 */
export function parseScenario(text: string, source = 'scenario'): Result<Scenario> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return err(jsonError(text, e, source));
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== SCENARIO_FORMAT) {
    return err(new CoreError('NOT_A_SCENARIO', `${source}: not a scenario file (expected "format": "${SCENARIO_FORMAT}")`));
  }
  if (typeof head.version === 'number' && head.version > SCENARIO_VERSION) {
    return err(new CoreError('SCENARIO_TOO_NEW', `${source}: written by a newer SAML Harness (scenario version ${head.version}); this build reads up to version ${SCENARIO_VERSION}`));
  }
  const parsed = Scenario.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.') || '(root)';
    return err(new CoreError('SCENARIO_INVALID', `${source}: ${path}: ${issue.message}`, { path }));
  }
  return checkVendor(parsed.data, source);
}

function checkVendor(s: Scenario, source: string): Result<Scenario> {
  let profile: ReturnType<typeof resolveProfile>;
  try {
    profile = resolveProfile(s.vendor);
  } catch (e) {
    return err(new CoreError('SCENARIO_INVALID', `${source}: vendor.profile: ${(e as Error).message}`, { path: 'vendor.profile' }));
  }
  const r = profile.settings.schema.safeParse({ ...(profile.settings.defaults() as object), ...s.vendor.settings });
  if (r.success) return ok(s);
  const path = `vendor.settings.${r.error.issues[0]!.path.join('.')}`;
  return err(new CoreError('SCENARIO_INVALID', `${source}: ${path}: ${r.error.issues[0]!.message}`, { path }));
}
