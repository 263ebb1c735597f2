import { useEffect, useState } from 'react';
import { useWorkspace } from '../../state/workspace-store';
import type { AppView, ClaimRule, GroupClaim, VendorView } from '../../../shared/views';
import { ClaimsPreviewPanel } from '../run/ClaimsPreviewPanel';
import { UserSelect } from '../../components/UserSelect';
import type { AppBasics } from '../../../shared/api';
import { toBasics } from './app-draft';
import { SourceEditor, describeSource } from './SourceEditor';
import { ClaimConditions } from './ClaimConditions';
import { FormActions } from '../../components/FormActions';
import { DeleteRowCell } from '../../components/DeleteRowCell';

const NAMEID_FORMATS = ['default', 'emailAddress', 'persistent', 'unspecified', 'windowsDomainQualifiedName', 'transient'] as const;

function ClaimEditor({ rule, onSave, onCancel }: { rule: ClaimRule; onSave(r: ClaimRule): void; onCancel(): void }) {
  const [draft, setDraft] = useState(structuredClone(rule));
  return (
    <section className="panel" aria-label={`Manage claim ${rule.name}`}>
      <h3>Manage claim</h3>
      <div className="grid2">
        <label className="field">
          <span>Name</span>
          <input name="claim-name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </label>
        <label className="field">
          <span>Namespace (optional)</span>
          <input name="claim-namespace" value={draft.namespace ?? ''} onChange={(e) => setDraft({ ...draft, namespace: e.target.value || undefined })} />
        </label>
      </div>
      <SourceEditor source={draft.source} onChange={(source) => setDraft({ ...draft, source })} />
      <ClaimConditions conditions={draft.conditions ?? []} onChange={(conditions) => setDraft({ ...draft, conditions })} />
      <label className="field" style={{ maxWidth: 320 }}>
        <span>Include attribute name format</span>
        <select value={draft.nameFormat ?? ''} onChange={(e) => setDraft({ ...draft, nameFormat: (e.target.value || undefined) as ClaimRule['nameFormat'] })}>
          <option value="">No</option>
          <option value="uri">URI</option>
          <option value="basic">Basic</option>
          <option value="unspecified">Unspecified</option>
        </select>
      </label>
      <FormActions saveLabel="Save claim" onSave={() => onSave(draft)} onCancel={onCancel} />
    </section>
  );
}

function GroupClaimEditor({ value, onChange }: { value: GroupClaim | undefined; onChange(g: GroupClaim | undefined): void }) {
  const g = value;
  return (
    <section className="panel" aria-label="Group claim">
      <h3>Group claim</h3>
      <label className="row">
        <input type="checkbox" checked={Boolean(g)} onChange={(e) => onChange(e.target.checked ? { which: 'all', sourceAttribute: 'objectid', emitAsRoles: false } : undefined)} /> Emit the groups of
        the user
      </label>
      {g ? (
        <div className="grid2">
          <label className="field">
            <span>Which groups</span>
            <select value={g.which} onChange={(e) => onChange({ ...g, which: e.target.value as GroupClaim['which'] })}>
              <option value="security">Security groups</option>
              <option value="directoryRoles">Directory roles</option>
              <option value="all">All groups</option>
              <option value="applicationGroups">Groups assigned to the application</option>
            </select>
          </label>
          <label className="field">
            <span>Source attribute</span>
            <select value={g.sourceAttribute} onChange={(e) => onChange({ ...g, sourceAttribute: e.target.value as GroupClaim['sourceAttribute'] })}>
              <option value="objectid">Group ID</option>
              <option value="samaccountname">sAMAccountName</option>
              <option value="netbiosDomainQualified">NetBIOSDomain\sAMAccountName</option>
              <option value="dnsDomainQualified">DNSDomain\sAMAccountName</option>
              <option value="onPremisesSid">On Premises Group Security Identifier</option>
              <option value="cloudDisplayName">Cloud-only group display names</option>
            </select>
          </label>
          <label className="field">
            <span>Filter groups (by name)</span>
            <div className="row">
              <select
                aria-label="Filter match"
                value={g.filter?.match ?? ''}
                onChange={(e) => onChange(e.target.value ? { ...g, filter: { match: e.target.value as 'prefix', value: g.filter?.value || 'x' } } : { ...g, filter: undefined })}
              >
                <option value="">No filter</option>
                <option value="prefix">Starts with</option>
                <option value="contains">Contains</option>
              </select>
              {g.filter ? <input aria-label="Filter value" value={g.filter.value} onChange={(e) => onChange({ ...g, filter: { ...g.filter!, value: e.target.value || 'x' } })} /> : null}
            </div>
          </label>
          <label className="field">
            <span>Custom name (optional)</span>
            <input value={g.name ?? ''} onChange={(e) => onChange({ ...g, name: e.target.value || undefined })} />
          </label>
          <label className="row">
            <input type="checkbox" checked={g.emitAsRoles} onChange={(e) => onChange({ ...g, emitAsRoles: e.target.checked })} /> Emit groups as role claims
          </label>
        </div>
      ) : null}
      <p className="muted">Past 150 groups Entra sends groups.link instead of the claim.</p>
    </section>
  );
}

/** What the app's vendor makes of the claims as they stand, for a user picked here: Entra's claims and its refusal. */
function VendorPreview({ app }: { app: AppView }) {
  const view = useWorkspace((s) => s.view);
  const vendor = view?.vendors.find((v) => v.id === app.vendorId);
  const [user, setUser] = useState(view?.tenant.users[0]?.attributes.userprincipalname ?? '');
  if (!vendor || !view) return null;
  return (
    <section aria-label={`What ${vendor.displayName} gets`}>
      <UserSelect name="claims-preview-user" label="Preview the claims for" value={user} onChange={setUser} width={360} />
      <ClaimsPreviewPanel vendor={vendor} user={user} />
    </section>
  );
}

/** The values the app's vendor accepts for a claim, when it constrains them. */
function accepts(vendor: VendorView | undefined, claim: string): string | undefined {
  const spec = vendor?.attributes.find((a) => a.name === claim && a.accepted);
  return spec ? `${spec.accepted!.join(', ')}${spec.caseInsensitiveValues ? '' : ' (exact case)'}` : undefined;
}

export function ClaimsPanel({ app }: { app: AppView }) {
  const call = useWorkspace((s) => s.call);
  const vendor = useWorkspace((s) => s.view?.vendors.find((v) => v.id === app.vendorId));
  const [draft, setDraft] = useState<AppBasics>(toBasics(app));
  const [editing, setEditing] = useState<ClaimRule | undefined>();
  useEffect(() => setDraft(toBasics(app)), [app]);
  const claims = draft.claims;
  const save = (next: AppBasics) => {
    setDraft(next);
    void call('apps.save', { app: next }, 'Attributes & Claims saved');
  };
  const saveRule = (rule: ClaimRule) => {
    const exists = claims.attributes.some((r) => r.id === rule.id);
    save({ ...draft, claims: { ...claims, attributes: exists ? claims.attributes.map((r) => (r.id === rule.id ? rule : r)) : [...claims.attributes, rule] } });
    setEditing(undefined);
  };
  return (
    <section aria-label="Attributes & Claims">
      <section className="panel" aria-label="Required claim">
        <h3>Required claim: Unique User Identifier (Name ID)</h3>
        <SourceEditor source={claims.nameId.source} onChange={(source) => setDraft({ ...draft, claims: { ...claims, nameId: { ...claims.nameId, source } } })} />
        <label className="field" style={{ maxWidth: 320 }}>
          <span>Name identifier format</span>
          <select value={claims.nameId.format} onChange={(e) => setDraft({ ...draft, claims: { ...claims, nameId: { ...claims.nameId, format: e.target.value as (typeof NAMEID_FORMATS)[number] } } })}>
            {NAMEID_FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
        <button className="btn primary" onClick={() => save(draft)}>
          Save Name ID
        </button>
      </section>
      {editing ? <ClaimEditor rule={editing} onSave={saveRule} onCancel={() => setEditing(undefined)} /> : null}
      <section className="panel" aria-label="Additional claims">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h3 style={{ margin: 0 }}>Additional claims</h3>
          <button className="btn" onClick={() => setEditing({ id: crypto.randomUUID(), name: '', source: { kind: 'attribute', attribute: 'user.mail' } })}>
            + Add new claim
          </button>
        </div>
        <table>
          <thead>
            <tr>
              <th>Claim name</th>
              <th>Value</th>
              {vendor ? <th>{vendor.displayName} accepts</th> : null}
              <th />
            </tr>
          </thead>
          <tbody>
            {claims.attributes.map((r) => (
              <tr key={r.id} data-claim={r.name}>
                <td className="mono">{r.namespace ? `${r.namespace.replace(/\/$/, '')}/${r.name}` : r.name}</td>
                <td className="mono">
                  {describeSource(r.source)}
                  {r.conditions?.length ? (
                    <div className="muted">
                      {r.conditions.length} condition{r.conditions.length === 1 ? '' : 's'}
                    </div>
                  ) : null}
                </td>
                {vendor ? <td className="mono wrap">{accepts(vendor, r.namespace ? `${r.namespace.replace(/\/$/, '')}/${r.name}` : r.name) ?? <span className="muted">any</span>}</td> : null}
                <td>
                  <button className="btn" onClick={() => setEditing(r)} aria-label={`Edit claim ${r.name}`}>
                    Edit
                  </button>{' '}
                  <DeleteRowCell kind="claim" name={r.name} onConfirm={() => save({ ...draft, claims: { ...claims, attributes: claims.attributes.filter((x) => x.id !== r.id) } })}>
                    The next token for this app leaves it out.
                  </DeleteRowCell>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <VendorPreview app={app} />
      <GroupClaimEditor value={claims.groups} onChange={(groups) => save({ ...draft, claims: { ...claims, groups } })} />
      <section className="panel" aria-label="Advanced SAML claims options">
        <h3>Advanced SAML claims options</h3>
        <label className="row">
          <input
            type="checkbox"
            checked={claims.advanced?.appendApplicationIdToIssuer ?? false}
            onChange={(e) => save({ ...draft, claims: { ...claims, advanced: { ...claims.advanced, appendApplicationIdToIssuer: e.target.checked } } })}
          />{' '}
          Append application ID to issuer
        </label>
        <label className="field" style={{ maxWidth: 480 }}>
          <span>Override audience claim (empty: the Identifier)</span>
          <input
            name="audience-override"
            value={claims.advanced?.audienceOverride ?? ''}
            onChange={(e) =>
              setDraft({
                ...draft,
                claims: {
                  ...claims,
                  advanced: { appendApplicationIdToIssuer: claims.advanced?.appendApplicationIdToIssuer ?? false, ...(e.target.value ? { audienceOverride: e.target.value } : {}) },
                },
              })
            }
            onBlur={() => save(draft)}
          />
        </label>
      </section>
    </section>
  );
}
