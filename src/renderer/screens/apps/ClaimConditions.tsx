import type { ClaimRule } from '../../../shared/views';
import { useWorkspace } from '../../state/workspace-store';
import { SourceEditor } from './SourceEditor';

type Condition = NonNullable<ClaimRule['conditions']>[number];

const USER_TYPES: Array<[Condition['userType'], string]> = [
  ['any', 'Any'],
  ['members', 'Members'],
  ['all-guests', 'All guests'],
  ['entra-guests', 'Microsoft Entra guests'],
  ['external-guests', 'External guests'],
];

/**
 * "Claim conditions", as the portal lays them out: User type, Scoped Groups, Source. Entra evaluates the
 * conditions whose source is an attribute first, then the transformations, top to bottom; the last match wins.
 */
export function ClaimConditions({ conditions, onChange }: { conditions: Condition[]; onChange(next: Condition[]): void }) {
  const groups = useWorkspace((s) => s.view!.tenant.groups);
  const set = (i: number, patch: Partial<Condition>) => onChange(conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <fieldset className="panel" data-testid="claim-conditions">
      <legend>Claim conditions</legend>
      <p className="muted">
        Conditions with an attribute or constant source are evaluated first, then those with a transformation, each top to bottom; the last that matches gives the value. When none matches, the claim's
        source above applies.
      </p>
      {conditions.map((c, i) => (
        <div key={i} className="panel" data-condition={i}>
          <div className="row" style={{ alignItems: 'end' }}>
            <label className="field" style={{ width: 220 }}>
              <span>User type</span>
              <select aria-label={`Condition ${i + 1} user type`} value={c.userType} onChange={(e) => set(i, { userType: e.target.value as Condition['userType'] })}>
                {USER_TYPES.map(([v, label]) => (
                  <option key={v} value={v}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            <label className="field" style={{ flex: 1 }}>
              <span>Scoped Groups</span>
              <select
                aria-label={`Condition ${i + 1} scoped groups`}
                multiple
                value={c.scopedGroups ?? []}
                onChange={(e) => set(i, { scopedGroups: [...e.target.selectedOptions].map((o) => o.value) })}
                style={{ height: 72 }}
              >
                {groups.map((g) => (
                  <option key={g.objectid} value={g.objectid}>
                    {g.displayname}
                  </option>
                ))}
              </select>
            </label>
            <button className="btn danger" style={{ marginBottom: 10 }} onClick={() => onChange(conditions.filter((_, j) => j !== i))} aria-label={`Remove condition ${i + 1}`}>
              Remove
            </button>
          </div>
          <SourceEditor source={c.source} onChange={(source) => set(i, { source })} />
        </div>
      ))}
      <button className="btn" onClick={() => onChange([...conditions, { userType: 'any', scopedGroups: [], source: { kind: 'constant', value: '' } }])}>
        + Add condition
      </button>
    </fieldset>
  );
}
