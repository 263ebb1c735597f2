import { useEffect, useState } from 'react';
import type { AttributeSet, ClaimsPreview, VendorView } from '../../../shared/views';
import { useWorkspace } from '../../state/workspace-store';

const shortName = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

/**
 * The claims Entra would send this vendor for the chosen user and attribute set, read before the run, with the
 * values the vendor accepts beside each constrained claim, and a warning when it would refuse them.
 */
export function ClaimsPreviewPanel({ vendor, user, attributeSetId, draft }: { vendor: VendorView; user: string; attributeSetId?: string; draft?: Pick<AttributeSet, 'values' | 'claims'> }) {
  const call = useWorkspace((s) => s.call);
  const view = useWorkspace((s) => s.view);
  const [preview, setPreview] = useState<ClaimsPreview | null>(null);
  const draftKey = draft ? JSON.stringify(draft) : '';
  useEffect(() => {
    if (!user) return;
    // A set being edited is previewed as it is typed, after a pause.
    const t = setTimeout(
      () => {
        const args = { vendorId: vendor.id, user, ...(draftKey ? { draft: JSON.parse(draftKey) as Pick<AttributeSet, 'values' | 'claims'> } : attributeSetId ? { attributeSetId } : {}) };
        void call('vendors.previewClaims', args).then((p) => setPreview(p ?? null));
      },
      draftKey ? 250 : 0,
    );
    return () => clearTimeout(t);
  }, [call, vendor.id, user, attributeSetId, draftKey, view]);
  if (!preview) return null;
  return (
    <section className="panel" aria-label="Claims Entra would send" data-testid="claims-preview">
      <h2 style={{ marginTop: 0 }}>Claims Entra would send to {vendor.displayName}</h2>
      {preview.entraError ? <div className="inline-error">Entra would stop the sign-in: {preview.entraError}</div> : null}
      {preview.warnings.map((w) => (
        <div key={w} className="inline-error" data-testid="claims-warning">
          {vendor.displayName} would refuse this: {w}
        </div>
      ))}
      {preview.nameId ? (
        <p>
          NameID <code>{preview.nameId.value}</code> <span className="muted">({shortName(preview.nameId.format.replace(/:/g, '/'))})</span>
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th>Claim</th>
            <th>Values</th>
            <th>{vendor.displayName} accepts</th>
          </tr>
        </thead>
        <tbody>
          {preview.claims.map((c) => (
            <tr key={c.name} data-claim={c.name}>
              <td className="mono" title={c.name}>
                {shortName(c.name)}
              </td>
              <td className="mono wrap">{c.values.join(', ')}</td>
              <td className="mono wrap">{c.accepted ? `${c.accepted.join(', ')}${c.caseInsensitive ? '' : ' (exact case)'}` : <span className="muted">any</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
