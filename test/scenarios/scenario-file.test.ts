import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/core/scenarios/presets';
import { parseScenario, serializeScenario } from '../../src/core/scenarios/scenario-file';

const sample = () => PRESETS.find((p) => p.id === 'imagekit/INVALID_ROLE')!.build();
const text = () => serializeScenario(sample());
const edit = (f: (o: Record<string, unknown>) => void) => {
  const o = JSON.parse(text()) as Record<string, unknown>;
  f(o);
  return JSON.stringify(o);
};

describe('scenario files', () => {
  it('are written with a fixed key order, so saving twice gives the same bytes and a change is a small diff', () => {
    const t = text();
    expect(Object.keys(JSON.parse(t) as object)).toEqual(['format', 'version', 'name', 'description', 'clock', 'expect', 'flow', 'vendor', 'app', 'tenant']);
    const vendorKeys = Object.keys((JSON.parse(t) as { vendor: object }).vendor);
    expect(vendorKeys[0]).toBe('profile');
    expect(vendorKeys.slice(1)).toEqual([...vendorKeys.slice(1)].sort());
    expect(t.endsWith('}\n')).toBe(true);
    const changed = serializeScenario({ ...sample(), expect: { status: 'signed-in' } });
    const before = new Set(t.split('\n'));
    const after = new Set(changed.split('\n'));
    const diff = [...[...before].filter((l) => !after.has(l)), ...[...after].filter((l) => !before.has(l))];
    expect(diff.length).toBeGreaterThan(0);
    expect(diff.length).toBeLessThanOrEqual(5);
    expect(text()).toBe(t);
  });

  it('report JSON errors with the line and column', () => {
    const broken = text().replace('"flow": {', '"flow": {,');
    const r = parseScenario(broken, 'case.json');
    expect(r).toMatchObject({ ok: false, error: { code: 'SCENARIO_NOT_JSON' } });
    if (!r.ok) expect(r.error.message).toMatch(/^case\.json:\d+:\d+: not JSON/);
  });

  it('refuse a file that is not a scenario, or one from a newer version', () => {
    expect(parseScenario('{"format":"saml-harness/tenant","version":1}', 't.json')).toMatchObject({ ok: false, error: { code: 'NOT_A_SCENARIO' } });
    const newer = parseScenario(
      edit((o) => void (o.version = 7)),
      'n.json',
    );
    expect(newer).toMatchObject({ ok: false, error: { code: 'SCENARIO_TOO_NEW' } });
    if (!newer.ok) expect(newer.error.message).toContain('version 7');
  });

  it('name the field that is wrong', () => {
    const r = parseScenario(
      edit((o) => void ((o.flow as Record<string, unknown>).kind = 'sideways')),
      'f.json',
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'SCENARIO_INVALID', detail: { path: 'flow.kind' } } });
    const s = parseScenario(
      edit((o) => void ((o.vendor as { settings: Record<string, unknown> }).settings.imagekitId = '')),
      's.json',
    );
    expect(s).toMatchObject({ ok: false, error: { code: 'SCENARIO_INVALID', detail: { path: 'vendor.settings.imagekitId' } } });
    const p = parseScenario(
      edit((o) => void ((o.vendor as Record<string, unknown>).profile = 'dropbox')),
      'p.json',
    );
    expect(p).toMatchObject({ ok: false, error: { code: 'SCENARIO_INVALID', detail: { path: 'vendor.profile' } } });
    if (!p.ok) expect(p.error.message).toContain('imagekit');
  });
});
