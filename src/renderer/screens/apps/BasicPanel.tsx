import { FieldError } from '../../components/FieldError';
import { useUnsaved } from '../../lib/use-unsaved';
import { useEffect, useRef, useState } from 'react';
import { useWorkspace } from '../../state/workspace-store';
import type { AppView } from '../../../shared/views';
import type { AppBasics } from '../../../shared/api';
import { isWebUrl, WEB_URL_MESSAGE } from '../../../shared/fields';
import { api } from '../../api/client';
import { readFileText } from '../../lib/download';
import { toBasics } from './app-draft';
import { SetUpCard } from './SetUpCard';

/** A field the upload filled, and the metadata element it came from. */
type Filled = { field: string; from: string };
type Read = { ok: true; file: string; filled: Filled[]; signOnUrl?: string } | { ok: false; file: string; message: string };

/**
 * "Upload metadata file": the SP's metadata fills the form (nothing is saved until Save). Bad metadata is
 * refused inline, naming the element, and the form keeps what was typed.
 */
function UploadMetadata({ draft, onRead }: { draft: AppBasics; onRead(next: AppBasics, read: Read): void }) {
  const picker = useRef<HTMLInputElement>(null);
  const load = async (file: File | undefined) => {
    if (!file) return;
    const r = await api.call('apps.readSpMetadata', { xml: await readFileText(file) });
    if (picker.current) picker.current.value = '';
    if (!r.ok) return onRead(draft, { ok: false, file: file.name, message: `${r.message}${r.detail?.element ? ` (at ${String(r.detail.element)})` : ''}` });
    const md = r.value;
    const saml = {
      ...draft.saml,
      identifiers: [{ value: md.entityId, isDefault: true }, ...draft.saml.identifiers.filter((i) => i.value !== md.entityId && i.value).map((i) => ({ ...i, isDefault: false }))],
      replyUrls: md.replyUrls,
      ...(md.signOnUrl ? { signOnUrl: md.signOnUrl } : {}),
      ...(md.logoutUrl ? { logoutUrl: md.logoutUrl } : {}),
    };
    const filled: Filled[] = [
      { field: 'Identifier (Entity ID)', from: 'EntityDescriptor entityID' },
      { field: `Reply URL (${md.replyUrls.length})`, from: 'AssertionConsumerService, HTTP-POST' },
      ...(md.logoutUrl ? [{ field: 'Logout Url', from: 'SingleLogoutService' }] : []),
      ...(md.signingCertificates.length ? [{ field: `Verification certificate (${md.signingCertificates.length})`, from: 'KeyDescriptor use="signing"' }] : []),
    ];
    const requestVerification = { ...draft.requestVerification, certificates: md.signingCertificates.length ? md.signingCertificates : draft.requestVerification.certificates };
    onRead({ ...draft, saml, requestVerification }, { ok: true, file: file.name, filled, ...(md.signOnUrl ? { signOnUrl: md.signOnUrl } : {}) });
  };
  return (
    <>
      <button className="btn" onClick={() => picker.current?.click()}>
        Upload metadata file
      </button>
      <input ref={picker} type="file" hidden aria-label="SP metadata file" accept=".xml,application/xml,text/xml" onChange={(e) => void load(e.target.files?.[0])} />
    </>
  );
}

/** What is wrong with a URL field's value, in the blade's words; undefined when it is fine (or empty and optional). */
function urlProblem(label: string, value: string | undefined, required: boolean): string | undefined {
  if (!value) return required ? `${label} is required.` : undefined;
  return isWebUrl(value) ? undefined : `${label} ${WEB_URL_MESSAGE}.`;
}

function UrlList({
  label,
  items,
  onChange,
  withIndex,
  check,
}: {
  label: string;
  items: Array<{ value: string; isDefault: boolean; index?: number }>;
  onChange(next: Array<{ value: string; isDefault: boolean; index?: number }>): void;
  withIndex?: boolean;
  /** What is wrong with one entry, if anything. */
  check?: (value: string, n: number) => string | undefined;
}) {
  const set = (i: number, patch: Partial<(typeof items)[number]>) => onChange(items.map((x, j) => (j === i ? { ...x, ...patch } : patch.isDefault ? { ...x, isDefault: false } : x)));
  return (
    <fieldset className="panel">
      <legend>{label}</legend>
      {items.map((it, i) => {
        const problem = check?.(it.value, i + 1);
        const errorId = `${label.replace(/\W+/g, '-')}-${i}-error`;
        return (
          <div className="row" key={i} style={{ marginBottom: 6 }}>
            <input
              aria-label={`${label} ${i + 1}`}
              value={it.value}
              onChange={(e) => set(i, { value: e.target.value })}
              style={{ flex: 1 }}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? errorId : undefined}
            />
            {withIndex ? (
              <input
                aria-label="Index"
                type="number"
                min={0}
                value={it.index ?? ''}
                onChange={(e) => set(i, e.target.value === '' ? { index: undefined } : { index: Number(e.target.value) })}
                style={{ width: 80 }}
              />
            ) : null}
            <label className="row">
              <input type="radio" name={label} checked={it.isDefault} onChange={() => set(i, { isDefault: true })} /> Default
            </label>
            <button className="btn danger" onClick={() => onChange(items.filter((_, j) => j !== i))} aria-label={`Remove ${it.value}`}>
              Remove
            </button>
            <FieldError id={errorId} problem={problem} />
          </div>
        );
      })}
      <button className="btn" onClick={() => onChange([...items, { value: '', isDefault: items.length === 0 }])}>
        + Add
      </button>
    </fieldset>
  );
}

export function BasicPanel({ app }: { app: AppView }) {
  const { call, view } = useWorkspace();
  const [draft, setDraft] = useState(toBasics(app));
  const [read, setRead] = useState<Read | undefined>();
  useEffect(() => {
    setDraft(toBasics(app));
    setRead(undefined);
  }, [app]);
  useUnsaved(`basic:${app.objectId}`, JSON.stringify(draft) !== JSON.stringify(toBasics(app)), `${app.displayName}'s Basic SAML Configuration`);
  const saml = draft.saml;
  const setSaml = (patch: Partial<typeof saml>) => setDraft({ ...draft, saml: { ...saml, ...patch } });
  const names = { signOnUrl: 'Sign on URL', relayState: 'Relay State', logoutUrl: 'Logout Url' } as const;
  const problems = {
    replyUrls: saml.replyUrls.map((r, i) => urlProblem(`Reply URL ${i + 1}`, r.url, true)),
    signOnUrl: urlProblem(names.signOnUrl, saml.signOnUrl, false),
    relayState: urlProblem(names.relayState, saml.relayState, false),
    logoutUrl: urlProblem(names.logoutUrl, saml.logoutUrl, false),
  };
  const invalid = [...problems.replyUrls, problems.signOnUrl, problems.relayState, problems.logoutUrl].some(Boolean);
  const opt = (k: 'signOnUrl' | 'relayState' | 'logoutUrl', label: string, hint: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        name={k}
        value={saml[k] ?? ''}
        placeholder={hint}
        onChange={(e) => setSaml({ [k]: e.target.value || undefined })}
        aria-invalid={problems[k] ? true : undefined}
        aria-describedby={problems[k] ? `${k}-error` : undefined}
      />
      <FieldError id={`${k}-error`} problem={problems[k]} />
    </label>
  );
  return (
    <section aria-label="Basic SAML Configuration">
      <div className="row" style={{ marginBottom: 12 }}>
        <UploadMetadata
          draft={draft}
          onRead={(next, r) => {
            setDraft(next);
            setRead(r);
          }}
        />
        <span className="muted">Fills Identifier, Reply URL, Sign on URL, Logout Url and the verification certificate from the SP's metadata.</span>
      </div>
      {read ? (
        read.ok ? (
          <div className="panel" role="status" data-testid="metadata-read">
            <p style={{ marginTop: 0 }}>
              <strong>Read {read.file}.</strong> Save to keep it.
            </p>
            <ul>
              {read.filled.map((f) => (
                <li key={f.field}>
                  {f.field} <span className="muted">← {f.from}</span>
                </li>
              ))}
            </ul>
            {read.signOnUrl ? (
              <label className="row">
                <input
                  type="checkbox"
                  name="use-request-initiator"
                  checked={saml.signOnUrl === read.signOnUrl}
                  onChange={(e) => setSaml({ signOnUrl: e.target.checked ? read.signOnUrl : undefined })}
                />
                <span>
                  Sign on URL <span className="mono">{read.signOnUrl}</span> <span className="muted">← Extensions/RequestInitiator</span>
                  <br />
                  <span className="muted">With a Sign on URL, the My Apps tile opens the SP's sign-on page (SP-initiated); untick it to test IdP-initiated sign-in.</span>
                </span>
              </label>
            ) : null}
          </div>
        ) : (
          <div className="inline-error" role="alert" data-testid="metadata-error">
            <strong>{read.file} was not used:</strong> {read.message}
          </div>
        )
      ) : null}
      <UrlList label="Identifier (Entity ID)" items={saml.identifiers} onChange={(ids) => setSaml({ identifiers: ids })} />
      <UrlList
        label="Reply URL (Assertion Consumer Service URL)"
        withIndex
        check={(url, n) => urlProblem(`Reply URL ${n}`, url, true)}
        items={saml.replyUrls.map((r) => ({ value: r.url, isDefault: r.isDefault, ...(r.index !== undefined ? { index: r.index } : {}) }))}
        onChange={(rs) => setSaml({ replyUrls: rs.map((r) => ({ url: r.value, isDefault: r.isDefault, ...(r.index !== undefined ? { index: r.index } : {}) })) })}
      />
      <div className="panel">
        {opt('signOnUrl', 'Sign on URL (optional)', 'Leave empty for IdP-initiated sign-in from My Apps')}
        {opt('relayState', 'Relay State (optional)', '')}
        {opt('logoutUrl', 'Logout Url (optional)', '')}
        <label className="field">
          <span>Token lifetime (minutes)</span>
          <input type="number" min={10} max={1440} value={draft.tokenLifetimeMinutes} onChange={(e) => setDraft({ ...draft, tokenLifetimeMinutes: Number(e.target.value) })} />
        </label>
      </div>
      <button
        className="btn primary"
        disabled={invalid}
        title={invalid ? 'Correct the fields marked above first' : undefined}
        onClick={() => void call('apps.save', { app: draft }, 'Basic SAML Configuration saved')}
      >
        Save
      </button>
      <SetUpCard app={app} idp={view!.idp} />
    </section>
  );
}
