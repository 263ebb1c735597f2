import { describe, expect, it } from 'vitest';
import { applyTransformation, evaluateSource, type AttributeResolver } from '../../src/core/idp/transformations';
import type { Operand, SourceAttribute, Transformation } from '../../src/core/idp/model';
import { CoreError } from '../../src/core/base/errors';

const user: Partial<Record<SourceAttribute, string[]>> = {
  'user.givenname': ['Adele'],
  'user.surname': ['Vance'],
  'user.mail': ['Adele.Vance@contoso.com'],
  'user.userprincipalname': ['adele.vance@contoso.com'],
  'user.department': ['Developer'],
  'user.employeeid': ['EMP00042'],
  'user.jobtitle': [''],
  'user.extensionattribute1': ['admin'],
  'user.groups': ['Designers', 'Marketing', 'Engineering'],
};
const resolve: AttributeResolver = (a) => user[a] ?? [];
const attr = (attribute: SourceAttribute): Operand => ({ kind: 'attribute', attribute });
const constant = (value: string): Operand => ({ kind: 'constant', value });
const run = (t: Transformation, previous: string | null = null) => applyTransformation(t, resolve, previous);

describe('Entra claim transformations', () => {
  it('Join(user.givenname, " ", user.surname) is the full name ImageKit asks for', () => {
    expect(run({ fn: 'Join', input: attr('user.givenname'), input2: attr('user.surname'), separator: ' ' })).toBe('Adele Vance');
  });

  it('Join skips an empty part instead of leaving a dangling separator', () => {
    expect(run({ fn: 'Join', input: attr('user.givenname'), input2: attr('user.jobtitle'), separator: ' / ' })).toBe('Adele');
  });

  it('ExtractMailPrefix(user.mail) keeps what is before the @', () => {
    expect(run({ fn: 'ExtractMailPrefix', input: attr('user.mail') })).toBe('Adele.Vance');
  });

  it('ToLowercase and ToUppercase', () => {
    expect(run({ fn: 'ToLowercase', input: attr('user.department') })).toBe('developer');
    expect(run({ fn: 'ToUppercase', input: attr('user.surname') })).toBe('VANCE');
  });

  it('Contains / StartWith / EndWith output on a match, else the "no match" output or nothing', () => {
    const yes = constant('engineering');
    expect(run({ fn: 'Contains', input: attr('user.department'), value: 'velop', output: yes })).toBe('engineering');
    expect(run({ fn: 'Contains', input: attr('user.department'), value: 'sales', output: yes })).toBeNull();
    expect(run({ fn: 'Contains', input: attr('user.department'), value: 'sales', output: yes, elseOutput: attr('user.department') })).toBe('Developer');
    expect(run({ fn: 'StartWith', input: attr('user.employeeid'), value: 'EMP', output: attr('user.employeeid') })).toBe('EMP00042');
    expect(run({ fn: 'EndWith', input: attr('user.mail'), value: '@fabrikam.com', output: constant('guest'), elseOutput: constant('member') })).toBe('member');
  });

  it('Extract after, before and between', () => {
    expect(run({ fn: 'ExtractAfter', input: attr('user.mail'), value: '@' })).toBe('contoso.com');
    expect(run({ fn: 'ExtractBefore', input: attr('user.mail'), value: '.' })).toBe('Adele');
    expect(run({ fn: 'ExtractBetween', input: attr('user.mail'), value: '@', value2: '.com' })).toBe('contoso');
    expect(run({ fn: 'ExtractAfter', input: attr('user.mail'), value: '#' })).toBeNull();
  });

  it('ExtractAlpha and ExtractNumeric, prefix and suffix', () => {
    expect(run({ fn: 'ExtractAlpha', input: attr('user.employeeid'), mode: 'prefix' })).toBe('EMP');
    expect(run({ fn: 'ExtractNumeric', input: attr('user.employeeid'), mode: 'suffix' })).toBe('00042');
    expect(run({ fn: 'ExtractNumeric', input: attr('user.employeeid'), mode: 'prefix' })).toBeNull();
  });

  it('IfEmpty outputs the fallback only when the input is empty; IfNotEmpty the reverse', () => {
    expect(run({ fn: 'IfEmpty', input: attr('user.jobtitle'), output: constant('Staff') })).toBe('Staff');
    expect(run({ fn: 'IfEmpty', input: attr('user.department'), output: constant('Staff') })).toBe('Developer');
    expect(run({ fn: 'IfNotEmpty', input: attr('user.department'), output: constant('has-dept') })).toBe('has-dept');
    expect(run({ fn: 'IfNotEmpty', input: attr('user.jobtitle'), output: constant('x'), elseOutput: constant('none') })).toBe('none');
  });

  it("RegexReplace takes Entra's (?'name'…) groups, (?i), and extra inputs", () => {
    const t: Transformation = {
      fn: 'RegexReplace',
      input: attr('user.mail'),
      pattern: "(?i)^(?'first'[a-z]+)\\.(?'last'[a-z]+)@contoso\\.com$",
      replacement: '{last}_{first}@{tenant}',
      extraInputs: [{ name: 'tenant', operand: constant('fabrikam.net') }],
    };
    expect(run(t)).toBe('Vance_Adele@fabrikam.net');
    expect(run({ ...t, input: attr('user.department'), noMatchOutput: constant('no-match') })).toBe('no-match');
  });

  it('RegexReplace with catastrophic backtracking stops as Entra does (AADSTS501621) instead of hanging', () => {
    const slow: Transformation = { fn: 'RegexReplace', input: constant('a'.repeat(40) + 'b'), pattern: '^(a+)+$', replacement: 'x', extraInputs: [] };
    const started = Date.now();
    expect(() => run(slow)).toThrowError(expect.objectContaining({ code: 'AADSTS501621' }) as CoreError);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('Substring', () => {
    expect(run({ fn: 'Substring', input: attr('user.employeeid'), start: 3, length: 3 })).toBe('000');
  });

  it('chains two transformations, the second reading the first', () => {
    const values = evaluateSource(
      {
        kind: 'transformation',
        treatAsMultiValued: false,
        steps: [
          { fn: 'ExtractMailPrefix', input: attr('user.mail') },
          { fn: 'ToLowercase', input: { kind: 'previous' } },
        ],
      },
      resolve,
    );
    expect(values).toEqual(['adele.vance']);
  });

  it('"Treat source as multivalued" applies to every value', () => {
    const values = evaluateSource({ kind: 'transformation', treatAsMultiValued: true, steps: [{ fn: 'ToLowercase', input: attr('user.groups') }] }, resolve);
    expect(values).toEqual(['designers', 'marketing', 'engineering']);
  });

  it('a source with no value yields no claim value at all', () => {
    expect(evaluateSource({ kind: 'attribute', attribute: 'user.jobtitle' }, resolve)).toEqual([]);
    expect(evaluateSource({ kind: 'attribute', attribute: 'user.city' }, resolve)).toEqual([]);
    expect(evaluateSource({ kind: 'constant', value: 'acme-corp' }, resolve)).toEqual(['acme-corp']);
  });
});
