import { useState } from 'react';
import { useWorkspace } from '../../state/workspace-store';
import type { AttributeSet, VendorView } from '../../../shared/views';
import { ClaimsPreviewPanel } from '../run/ClaimsPreviewPanel';
import { UserSelect } from '../../components/UserSelect';
import { VendorSelect } from '../../components/VendorSelect';
import { FormActions } from '../../components/FormActions';
import { USER_ATTRIBUTES } from '../../../shared/fields';

/** The claim sources an attribute set can give a value: the user attributes Entra exposes, as the core lists them. */
const SOURCES: readonly string[] = USER_ATTRIBUTES;

type Values = Record<string, string[]>;

const splitValues = (text: string) =>
  text
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Replaces one row of a name → values table in its place (a new name: added at the end). */
function withRow(rows: Values, old: string, key: string, values: string[]): Values {
  const entries = Object.entries(rows).filter(([k]) => k === old || k !== key);
  const at = entries.findIndex(([k]) => k === old);
  if (at >= 0) entries[at] = [key, values];
  else entries.push([key, values]);
  return Object.fromEntries(entries);
}

const withoutRow = (rows: Values, key: string): Values => Object.fromEntries(Object.entries(rows).filter(([k]) => k !== key));

/** What the vendors of the workspace say about a claim name: the values they accept, and their case. */
function constraintsOn(vendors: readonly VendorView[], claim: string) {
  return vendors.flatMap((v) =>
    v.attributes.filter((a) => a.name === claim && a.accepted).map((a) => ({ vendor: v.displayName, accepted: a.accepted!, caseInsensitive: Boolean(a.caseInsensitiveValues) })),
  );
}

function ClaimHint({ vendors, claim, values }: { vendors: readonly VendorView[]; claim: string; values: string[] }) {
  const rules = constraintsOn(vendors, claim);
  return (
    <>
      {rules.map((r) => {
        const fold = (x: string) => (r.caseInsensitive ? x.toLowerCase() : x);
        const refused = values.filter((v) => !r.accepted.map(fold).includes(fold(v)));
        return (
          <div key={r.vendor} className={refused.length ? 'inline-error' : 'muted'} data-testid={refused.length ? 'claim-value-warning' : undefined}>
            {refused.length ? `${r.vendor} would refuse ${refused.map((v) => `"${v}"`).join(', ')}: it accepts ` : `${r.vendor} accepts `}
            <span className="mono">{r.accepted.join(', ')}</span>
            {r.caseInsensitive ? '' : ' (exact case)'}
          </div>
        );
      })}
    </>
  );
}

function ClaimRows({ claims, vendors, onChange }: { claims: Values; vendors: readonly VendorView[]; onChange: (c: Values) => void }) {
  const names = [...new Set(vendors.flatMap((v) => v.attributes.map((a) => a.name)))].sort();
  return (
    <>
      <h3>Claims set directly</h3>
      <p className="muted">Sent as they are, after the app's claim rules: the claim is added, or its values replaced; no value leaves it out.</p>
      <datalist id="vendor-claim-names">
        {names.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      <table className="claim-rows">
        <thead>
          <tr>
            <th>Claim name, as sent</th>
            <th>Values (comma-separated; empty = leave the claim out)</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {Object.entries(claims).map(([k, vs], i) => (
            <tr key={i} data-claim-row={k}>
              <td>
                <input value={k} list="vendor-claim-names" onChange={(e) => onChange(withRow(claims, k, e.target.value, vs))} aria-label="Claim name" />
              </td>
              <td>
                <input value={vs.join(', ')} onChange={(e) => onChange(withRow(claims, k, k, splitValues(e.target.value)))} aria-label={`Values of the claim ${k}`} />
                <ClaimHint vendors={vendors} claim={k} values={vs} />
              </td>
              <td>
                <button className="btn danger" onClick={() => onChange(withoutRow(claims, k))} aria-label={`Remove the claim ${k}`}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button className="btn" style={{ marginTop: 8 }} onClick={() => onChange(withRow(claims, '', names.find((n) => !(n in claims)) ?? `claim${Object.keys(claims).length + 1}`, []))}>
        + Claim
      </button>
    </>
  );
}

function SourceRows({ values, onChange }: { values: Values; onChange: (v: Values) => void }) {
  const rows = Object.entries(values);
  return (
    <>
      <h3>Source attributes</h3>
      <p className="muted">Replace the user's directory values for the run: every claim built from them follows, transformations included.</p>
      <table>
        <thead>
          <tr>
            <th>Attribute</th>
            <th>Values for the flow (comma-separated; empty = no value)</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map(([k, vs]) => (
            <tr key={k}>
              <td>
                <select value={k} onChange={(e) => onChange(withRow(values, k, e.target.value, vs))} aria-label="Attribute">
                  {SOURCES.map((s) => (
                    <option key={s} value={`user.${s}`}>
                      user.{s}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input value={vs.join(', ')} onChange={(e) => onChange(withRow(values, k, k, splitValues(e.target.value)))} aria-label={`Values of ${k}`} />
              </td>
              <td>
                <button className="btn danger" onClick={() => onChange(withoutRow(values, k))} aria-label={`Remove ${k}`}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button className="btn" style={{ marginTop: 8 }} onClick={() => onChange(withRow(values, '', SOURCES.map((s) => `user.${s}`).find((s) => !(s in values)) ?? 'user.department', []))}>
        + Attribute
      </button>
    </>
  );
}

/** Edits a set: its source attributes and the claims it sets directly, with the claims Entra would issue, live. */
export function AttributeSetEditor({ set, onDone }: { set: AttributeSet; onDone(): void }) {
  const { view, call } = useWorkspace();
  const [draft, setDraft] = useState(structuredClone(set));
  const vendors = view!.vendors.filter((v) => v.appObjectId);
  const [vendorId, setVendorId] = useState(vendors[0]?.id ?? '');
  const [user, setUser] = useState(view!.tenant.users[0]?.attributes.userprincipalname ?? '');
  const vendor = vendors.find((v) => v.id === vendorId);
  const claims = draft.claims ?? {};
  return (
    <section className="panel" aria-label={`Edit attribute set ${set.name}`} data-testid="attribute-set-editor">
      <div className="grid2">
        <label className="field">
          <span>Name</span>
          <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </label>
        <label className="field">
          <span>Description</span>
          <input value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
        </label>
      </div>
      <div className="grid2">
        <div>
          <SourceRows values={draft.values} onChange={(values) => setDraft({ ...draft, values })} />
          <ClaimRows claims={claims} vendors={vendors} onChange={(c) => setDraft({ ...draft, claims: c })} />
        </div>
        <div>
          <h3>Preview</h3>
          <div className="row">
            <VendorSelect name="preview-vendor" label="For the app of" value={vendorId} onChange={setVendorId} width={200} />
            <UserSelect name="preview-user" label="As" value={user} onChange={setUser} />
          </div>
          {vendor ? <ClaimsPreviewPanel vendor={vendor} user={user} draft={{ values: draft.values, claims }} /> : <p className="muted">No vendor with an enterprise app to preview for.</p>}
        </div>
      </div>
      <FormActions
        style={{ marginTop: 8 }}
        onSave={() =>
          void call('attributeSets.save', { set: { ...draft, claims: Object.fromEntries(Object.entries(claims).filter(([k]) => k.trim())) } }, `Saved ${draft.name}`).then((r) => r && onDone())
        }
        onCancel={onDone}
      />
    </section>
  );
}
