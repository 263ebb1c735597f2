import { useRef, useState } from 'react';
import { useUnsaved } from '../../lib/use-unsaved';
import type { GenericSpDefinition } from '../../../shared/views';
import { api } from '../../api/client';
import { readFileText } from '../../lib/download';
import { useWorkspace } from '../../state/workspace-store';
import { useUi } from '../../state/ui-store';
import { ConfirmButton } from '../../components/ConfirmButton';

type Attribute = GenericSpDefinition['attributes'][number];
type Policy = GenericSpDefinition['policy'];

const BLANK: GenericSpDefinition = {
  id: '',
  displayName: '',
  entityId: '',
  acsUrl: '',
  idpConfigMethod: 'metadata-xml',
  flows: { spInitiated: true, idpInitiated: true, logout: true },
  policy: { repeatedAttributes: 'merge' },
  nameIdMustBeEmail: false,
  attributes: [],
  provisioning: 'jit',
};

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <label className="row">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} /> {label}
    </label>
  );
}

function AttributesEditor({ items, onChange }: { items: Attribute[]; onChange(next: Attribute[]): void }) {
  const set = (i: number, patch: Partial<Attribute>) => onChange(items.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <fieldset className="panel">
      <legend>Required attributes and accepted values</legend>
      {items.map((a, i) => (
        <div className="row" key={i} style={{ marginBottom: 6, alignItems: 'center' }} data-attribute-row={i}>
          <input aria-label={`Attribute ${i + 1} name`} value={a.name} placeholder="department" onChange={(e) => set(i, { name: e.target.value })} style={{ width: 420 }} />
          <input
            aria-label={`Attribute ${i + 1} accepted values`}
            value={(a.accepted ?? []).join(', ')}
            placeholder="accepted values, comma-separated (empty: any)"
            onChange={(e) => {
              const accepted = e.target.value
                .split(',')
                .map((v) => v.trim())
                .filter(Boolean);
              const { accepted: _old, ...rest } = a;
              onChange(items.map((x, j) => (j === i ? (accepted.length ? { ...rest, accepted } : rest) : x)));
            }}
            style={{ flex: 1 }}
          />
          <Check label="required" checked={a.required} onChange={(required) => set(i, { required })} />
          <button className="btn danger" onClick={() => onChange(items.filter((_, j) => j !== i))} aria-label={`Remove attribute ${a.name || i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button className="btn" onClick={() => onChange([...items, { name: '', required: true }])}>
        + Add attribute
      </button>
    </fieldset>
  );
}

/**
 * A service provider you define, as a form: entity ID, ACS, sign-on and logout URLs, the attributes it requires
 * and the values it accepts, its flows, and its signing, encryption and time policy. It can start from the SP's
 * metadata. Saved, it runs, is checked and attacked like a shipped vendor.
 */
export function GenericSpEditor({ existing }: { existing?: GenericSpDefinition }) {
  const { load } = useWorkspace();
  const call = useWorkspace((s) => s.call);
  const go = useUi((s) => s.go);
  const toast = useUi((s) => s.toast);
  const [d, setD] = useState<GenericSpDefinition>(existing ?? BLANK);
  const [error, setError] = useState<string | undefined>();
  // Edited since it was opened or saved: what leaving would drop.
  const [edited, setEdited] = useState(false);
  useUnsaved(`generic-sp:${existing?.id ?? 'new'}`, edited, existing ? `${existing.displayName}'s definition` : 'the new service provider');
  const picker = useRef<HTMLInputElement>(null);
  const change = (next: GenericSpDefinition) => {
    setD(next);
    setEdited(true);
  };
  const set = (patch: Partial<GenericSpDefinition>) => change({ ...d, ...patch });
  const setPolicy = (patch: Partial<Policy>) => change({ ...d, policy: { ...d.policy, ...patch } });
  const text = (key: 'entityId' | 'acsUrl' | 'loginUrl' | 'logoutUrl' | 'relayState', label: string, placeholder = '') => (
    <label className="field">
      <span>{label}</span>
      <input name={`sp-${key}`} value={d[key] ?? ''} placeholder={placeholder} onChange={(e) => set({ [key]: e.target.value || undefined } as Partial<GenericSpDefinition>)} />
    </label>
  );
  const fromMetadata = async (file: File | undefined) => {
    if (!file) return;
    const r = await api.call('apps.readSpMetadata', { xml: await readFileText(file) });
    if (picker.current) picker.current.value = '';
    if (!r.ok) return setError(`${file.name} was not used: ${r.message}${r.detail?.element ? ` (at ${String(r.detail.element)})` : ''}`);
    setError(undefined);
    const md = r.value;
    change({
      ...d,
      entityId: md.entityId,
      acsUrl: md.replyUrls[0]!.url,
      ...(md.signOnUrl ? { loginUrl: md.signOnUrl } : {}),
      ...(md.logoutUrl ? { logoutUrl: md.logoutUrl } : {}),
      policy: { ...d.policy, signAuthnRequests: md.signingCertificates.length > 0 },
    });
  };
  const save = async () => {
    const definition = { ...d, id: existing?.id ?? (d.id || slug(d.displayName)), attributes: d.attributes.filter((a) => a.name.trim()) };
    const r = await api.call('vendors.saveGeneric', { definition });
    if (!r.ok) return setError(r.message);
    setError(undefined);
    setEdited(false);
    await load();
    toast('info', `${definition.displayName} saved`);
    if (!existing) {
      // Saved: nothing is left unsaved on the way to the new SP's page (the flag's own clearing lands a render later).
      useUi.getState().markUnsaved('generic-sp:new', undefined);
      go({ screen: 'vendors', id: definition.id });
    }
  };
  return (
    <section className="panel" aria-label="Service provider definition" data-testid="generic-sp-editor">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 style={{ margin: 0 }}>{existing ? 'This service provider' : 'New service provider'}</h2>
        <button className="btn" onClick={() => picker.current?.click()}>
          Fill from SP metadata
        </button>
        <input ref={picker} type="file" hidden aria-label="Service provider metadata file" accept=".xml" onChange={(e) => void fromMetadata(e.target.files?.[0])} />
      </div>
      {error ? (
        <div className="inline-error" role="alert" data-testid="generic-sp-error">
          {error}
        </div>
      ) : null}
      <div className="grid2">
        <div>
          <label className="field">
            <span>Name</span>
            <input name="sp-displayName" value={d.displayName} onChange={(e) => set({ displayName: e.target.value })} placeholder="Acme Analytics" />
          </label>
          {text('entityId', 'Entity ID (Entra: Identifier)', 'urn:acme:analytics')}
          {text('acsUrl', 'ACS URL (Entra: Reply URL)', 'https://analytics.acme.test/sso/acs')}
          {text('loginUrl', 'Sign-on URL (where SP-initiated sign-in starts)', 'https://analytics.acme.test/sso/login')}
          {text('logoutUrl', 'Logout URL (optional)')}
          {text('relayState', 'Relay State (optional)')}
        </div>
        <div>
          <fieldset className="panel">
            <legend>Flows it supports</legend>
            <Check label="SP-initiated" checked={d.flows.spInitiated} onChange={(spInitiated) => set({ flows: { ...d.flows, spInitiated } })} />
            <Check label="IdP-initiated (My Apps)" checked={d.flows.idpInitiated} onChange={(idpInitiated) => set({ flows: { ...d.flows, idpInitiated } })} />
            <Check label="Single logout" checked={d.flows.logout} onChange={(logout) => set({ flows: { ...d.flows, logout } })} />
          </fieldset>
          <fieldset className="panel">
            <legend>Signing, encryption and time</legend>
            <Check label="Requires the assertion signed" checked={d.policy.wantAssertionsSigned ?? true} onChange={(v) => setPolicy({ wantAssertionsSigned: v })} />
            <Check label="Requires the response signed" checked={d.policy.wantResponseSigned ?? false} onChange={(v) => setPolicy({ wantResponseSigned: v })} />
            <Check label="Accepts SHA-1" checked={d.policy.allowSha1 ?? false} onChange={(v) => setPolicy({ allowSha1: v })} />
            <Check label="Requires an encrypted assertion" checked={d.policy.requireEncryptedAssertion ?? false} onChange={(v) => setPolicy({ requireEncryptedAssertion: v })} />
            <Check label="Checks the IdP certificate's dates" checked={d.policy.checkCertificateValidity ?? false} onChange={(v) => setPolicy({ checkCertificateValidity: v })} />
            <Check label="The NameID must be an email address" checked={d.nameIdMustBeEmail} onChange={(nameIdMustBeEmail) => set({ nameIdMustBeEmail })} />
            <div className="row">
              <label className="field" style={{ width: 180 }}>
                <span>Clock skew allowed (s)</span>
                <input type="number" min={0} max={3600} value={d.policy.clockSkewSeconds ?? 180} onChange={(e) => setPolicy({ clockSkewSeconds: Number(e.target.value) })} />
              </label>
              <label className="field" style={{ width: 220 }}>
                <span>Repeated Attribute elements</span>
                <select value={d.policy.repeatedAttributes ?? 'merge'} onChange={(e) => setPolicy({ repeatedAttributes: e.target.value as 'merge' })}>
                  <option value="merge">merge the values</option>
                  <option value="refuse">refuse the response</option>
                  <option value="first">keep the first</option>
                  <option value="last">keep the last</option>
                </select>
              </label>
              <label className="field" style={{ width: 200 }}>
                <span>Accounts</span>
                <select value={d.provisioning} onChange={(e) => set({ provisioning: e.target.value as 'jit' })}>
                  <option value="jit">created at first sign-in</option>
                  <option value="login-only">must exist already</option>
                </select>
              </label>
            </div>
          </fieldset>
        </div>
      </div>
      <AttributesEditor items={d.attributes} onChange={(attributes) => set({ attributes })} />
      <div className="row">
        <button className="btn primary" disabled={!d.displayName.trim() || !d.entityId || !d.acsUrl} onClick={() => void save()}>
          {existing ? 'Save' : 'Create service provider'}
        </button>
        {existing ? (
          <ConfirmButton
            label="Delete service provider"
            title={`Delete ${existing.displayName}?`}
            confirmLabel="Delete"
            onConfirm={() => void call('vendors.deleteGeneric', { vendorId: existing.id }, `${existing.displayName} deleted`).then((r) => r && go({ screen: 'vendors' }))}
          >
            <p>The service provider, its users and its settings are deleted. Its enterprise application in Entra stays until you delete it there.</p>
          </ConfirmButton>
        ) : null}
      </div>
    </section>
  );
}
