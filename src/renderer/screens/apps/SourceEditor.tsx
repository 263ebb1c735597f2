import { useId } from 'react';
import type { ClaimSource, Operand, Transformation } from '../../../shared/views';

export const SOURCE_ATTRIBUTES = [
  'user.userprincipalname',
  'user.mail',
  'user.givenname',
  'user.surname',
  'user.displayname',
  'user.department',
  'user.jobtitle',
  'user.employeeid',
  'user.companyname',
  'user.country',
  'user.city',
  'user.onpremisessamaccountname',
  'user.objectid',
  'user.groups',
  'user.assignedroles',
  ...Array.from({ length: 15 }, (_, i) => `user.extensionattribute${i + 1}`),
] as const;

const FNS: Array<Transformation['fn']> = [
  'Join',
  'ExtractMailPrefix',
  'ToLowercase',
  'ToUppercase',
  'Contains',
  'StartWith',
  'EndWith',
  'ExtractAfter',
  'ExtractBefore',
  'ExtractBetween',
  'ExtractAlpha',
  'ExtractNumeric',
  'IfEmpty',
  'IfNotEmpty',
  'Substring',
  'RegexReplace',
];

/** A transformation of this kind with empty parameters. */
function blank(fn: Transformation['fn'], input: Operand): Transformation {
  const c = { kind: 'constant' as const, value: '' };
  switch (fn) {
    case 'Join':
      return { fn, input, input2: c, separator: ' ' };
    case 'Contains':
    case 'StartWith':
    case 'EndWith':
      return { fn, input, value: '', output: c };
    case 'ExtractAfter':
    case 'ExtractBefore':
      return { fn, input, value: '' };
    case 'ExtractBetween':
      return { fn, input, value: '', value2: '' };
    case 'ExtractAlpha':
    case 'ExtractNumeric':
      return { fn, input, mode: 'prefix' };
    case 'IfEmpty':
    case 'IfNotEmpty':
      return { fn, input, output: c };
    case 'Substring':
      return { fn, input, start: 0, length: 1 };
    case 'RegexReplace':
      return { fn, input, pattern: '', replacement: '', extraInputs: [] };
    default:
      return { fn, input };
  }
}

function OperandEditor({ label, value, onChange, allowPrevious }: { label: string; value: Operand | undefined; onChange(o: Operand | undefined): void; allowPrevious?: boolean }) {
  const kind = value?.kind ?? 'none';
  return (
    <div className="row">
      <span className="muted" style={{ minWidth: 110 }}>
        {label}
      </span>
      <select
        aria-label={`${label} kind`}
        value={kind}
        onChange={(e) =>
          onChange(
            e.target.value === 'attribute'
              ? { kind: 'attribute', attribute: 'user.mail' }
              : e.target.value === 'constant'
                ? { kind: 'constant', value: '' }
                : e.target.value === 'previous'
                  ? { kind: 'previous' }
                  : undefined,
          )
        }
        style={{ width: 150 }}
      >
        <option value="none">—</option>
        <option value="attribute">Attribute</option>
        <option value="constant">Constant</option>
        {allowPrevious ? <option value="previous">Output of step 1</option> : null}
      </select>
      {value?.kind === 'attribute' ? (
        <select aria-label={`${label} attribute`} value={value.attribute} onChange={(e) => onChange({ kind: 'attribute', attribute: e.target.value as typeof value.attribute })} style={{ flex: 1 }}>
          {SOURCE_ATTRIBUTES.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      ) : value?.kind === 'constant' ? (
        <input aria-label={`${label} value`} value={value.value} onChange={(e) => onChange({ kind: 'constant', value: e.target.value })} style={{ flex: 1 }} />
      ) : null}
    </div>
  );
}

function StepEditor({ step, onChange, second }: { step: Transformation; onChange(t: Transformation): void; second: boolean }) {
  const set = (patch: Record<string, unknown>) => onChange({ ...step, ...patch } as Transformation);
  const text = (key: string, label: string) => (
    <label className="field" key={key}>
      <span>{label}</span>
      <input value={String((step as Record<string, unknown>)[key] ?? '')} onChange={(e) => set({ [key]: key === 'start' || key === 'length' ? Number(e.target.value) : e.target.value })} />
    </label>
  );
  return (
    <div className="panel">
      <label className="field">
        <span>Transformation</span>
        <select value={step.fn} onChange={(e) => onChange(blank(e.target.value as Transformation['fn'], step.input))}>
          {FNS.map((f) => (
            <option key={f}>{f}</option>
          ))}
        </select>
      </label>
      <OperandEditor label="Parameter 1" value={step.input} onChange={(o) => o && set({ input: o })} allowPrevious={second} />
      {'input2' in step ? <OperandEditor label="Parameter 2" value={step.input2} onChange={(o) => o && set({ input2: o })} allowPrevious={second} /> : null}
      {'separator' in step ? text('separator', 'Separator') : null}
      {'value' in step ? text('value', 'Value') : null}
      {'value2' in step ? text('value2', 'Second value') : null}
      {'mode' in step ? (
        <label className="field">
          <span>Mode</span>
          <select value={step.mode} onChange={(e) => set({ mode: e.target.value })}>
            <option value="prefix">Prefix</option>
            <option value="suffix">Suffix</option>
          </select>
        </label>
      ) : null}
      {'start' in step ? text('start', 'Start index') : null}
      {'length' in step ? text('length', 'Length') : null}
      {'pattern' in step ? text('pattern', "Regex pattern (.NET syntax: (?'name'…), (?i))") : null}
      {'replacement' in step ? text('replacement', 'Replacement pattern ({name} for groups)') : null}
      {'output' in step ? <OperandEditor label="Output" value={step.output} onChange={(o) => o && set({ output: o })} /> : null}
      {'elseOutput' in step || 'output' in step ? (
        <OperandEditor label="Output if no match" value={'elseOutput' in step ? step.elseOutput : undefined} onChange={(o) => set({ elseOutput: o })} />
      ) : null}
    </div>
  );
}

/** A claim's source: an attribute, a constant, or up to two chained transformations, as Entra offers. */
export function SourceEditor({ source, onChange }: { source: ClaimSource; onChange(s: ClaimSource): void }) {
  // One radio group per editor: a claim and each of its conditions have their own source.
  const group = useId();
  return (
    <div>
      <div className="row" role="radiogroup" aria-label="Source">
        {(['attribute', 'constant', 'transformation'] as const).map((k) => (
          <label key={k} className="row">
            <input
              type="radio"
              name={`source-kind-${group}`}
              checked={source.kind === k}
              onChange={() =>
                onChange(
                  k === 'attribute'
                    ? { kind: 'attribute', attribute: 'user.mail' }
                    : k === 'constant'
                      ? { kind: 'constant', value: '' }
                      : { kind: 'transformation', treatAsMultiValued: false, steps: [blank('ToLowercase', { kind: 'attribute', attribute: 'user.mail' })] },
                )
              }
            />
            {k === 'attribute' ? 'Attribute' : k === 'constant' ? 'Constant' : 'Transformation'}
          </label>
        ))}
      </div>
      {source.kind === 'attribute' ? (
        <label className="field">
          <span>Source attribute</span>
          <select value={source.attribute} onChange={(e) => onChange({ kind: 'attribute', attribute: e.target.value as typeof source.attribute })}>
            {SOURCE_ATTRIBUTES.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
      ) : source.kind === 'constant' ? (
        <label className="field">
          <span>Constant value</span>
          <input value={source.value} onChange={(e) => onChange({ kind: 'constant', value: e.target.value })} />
        </label>
      ) : (
        <>
          {source.steps.map((step, i) => (
            <StepEditor key={i} step={step} second={i === 1} onChange={(t) => onChange({ ...source, steps: source.steps.map((s, j) => (j === i ? t : s)) })} />
          ))}
          <div className="row">
            {source.steps.length < 2 ? (
              <button className="btn" onClick={() => onChange({ ...source, steps: [...source.steps, blank('ToLowercase', { kind: 'previous' })] })}>
                + Add transformation
              </button>
            ) : (
              <button className="btn danger" onClick={() => onChange({ ...source, steps: source.steps.slice(0, 1) })}>
                Remove second transformation
              </button>
            )}
            <label className="row">
              <input type="checkbox" checked={source.treatAsMultiValued} onChange={(e) => onChange({ ...source, treatAsMultiValued: e.target.checked })} /> Treat source as multivalued
            </label>
          </div>
        </>
      )}
    </div>
  );
}

/** "Join(user.givenname, " ", user.surname)" — how the claims table summarises a source. */
export function describeSource(s: ClaimSource): string {
  const op = (o?: Operand): string => (!o ? '' : o.kind === 'attribute' ? o.attribute : o.kind === 'constant' ? JSON.stringify(o.value) : 'previous');
  if (s.kind === 'attribute') return s.attribute;
  if (s.kind === 'constant') return JSON.stringify(s.value);
  return s.steps
    .map((t) => {
      const parts = [
        op(t.input),
        'input2' in t ? op(t.input2) : '',
        'separator' in t ? JSON.stringify(t.separator) : '',
        'value' in t ? JSON.stringify(t.value) : '',
        'pattern' in t ? JSON.stringify(t.pattern) : '',
      ].filter(Boolean);
      return `${t.fn}(${parts.join(', ')})`;
    })
    .join(' → ');
}
