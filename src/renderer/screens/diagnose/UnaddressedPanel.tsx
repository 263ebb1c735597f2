import { useState } from 'react';
import type { Diagnosis } from '../../../shared/views';
import { isWebUrl } from '../../../shared/fields';
import { VendorSelect } from '../../components/VendorSelect';
import { useDiagnose } from '../../state/diagnose-store';
import { useWorkspace } from '../../state/workspace-store';
import { KeyValues } from '../../components/KeyValues';

type Facts = NonNullable<Diagnosis['facts']>;

/** The SP a response is addressed to, defined from the response: its audience, its ACS, named by its host. */
function definitionFrom(facts: Facts) {
  const acsUrl = facts.destination ?? facts.recipient;
  const entityId = facts.audience ?? acsUrl;
  if (!acsUrl || !entityId || !isWebUrl(acsUrl)) return undefined;
  const host = new URL(acsUrl).hostname;
  const id =
    host
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'captured-sp';
  return { id, displayName: host, entityId, acsUrl, attributes: facts.attributes.map((a) => ({ name: a.name, required: false })) };
}

function FactRows({ facts }: { facts: Facts }) {
  const rows: Array<[string, string | undefined]> = [
    ['Addressed to (Destination)', facts.destination],
    ['Audience', facts.audience],
    ['Recipient', facts.recipient],
    ['Issuer', facts.issuer],
    ['Tenant', facts.tenantId],
    ['Signed by', facts.signer ? `${facts.signer.subject}, thumbprint ${facts.signer.thumbprint} (valid to ${facts.signer.notAfter})` : 'no signature'],
    ['Issued', facts.issueInstant],
    ['Valid', facts.notBefore || facts.notOnOrAfter ? `${facts.notBefore ?? '…'} to ${facts.notOnOrAfter ?? '…'}` : undefined],
    ['Signed in at', facts.authnInstant],
    ['NameID', facts.nameId ? `${facts.nameId}${facts.nameIdFormat ? ` (${facts.nameIdFormat.split(':').pop()})` : ''}` : undefined],
  ];
  return <KeyValues rows={rows} className="facts" />;
}

/**
 * A response addressed to no SP of the workspace: what it says of itself, and the two ways on — check it against
 * an SP the engineer picks, or define its SP from it in one step.
 */
export function UnaddressedPanel({ facts }: { facts: Facts }) {
  const d = useDiagnose();
  const call = useWorkspace((s) => s.call);
  const [pick, setPick] = useState('');
  const definition = definitionFrom(facts);
  const checkAgainst = (vendor: string) => {
    d.set({ vendor });
    void d.run();
  };
  const define = async () => {
    if (!definition) return;
    if (await call('vendors.saveGeneric', { definition }, `${definition.displayName} defined from the response`)) checkAgainst(definition.id);
  };
  return (
    <section className="panel verdict-unaddressed" aria-label="The response, addressed to no SP of this workspace" data-testid="unaddressed">
      <h2 style={{ marginTop: 0 }} className="warn">
        Undetermined: addressed to no SP of this workspace
      </h2>
      <p>No vendor's verdict is given: any of them would be advice about the wrong SP. This is what the response says of itself.</p>
      <FactRows facts={facts} />
      {facts.attributes.length ? (
        <details>
          <summary>{facts.attributes.length} attributes</summary>
          <table className="facts-attributes">
            <tbody>
              {facts.attributes.map((a) => (
                <tr key={a.name}>
                  <td className="mono wrap">{a.name}</td>
                  <td className="mono wrap">{a.values.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
      <div className="row" style={{ alignItems: 'end' }}>
        <VendorSelect name="check-against" value={pick} onChange={setPick} any="Pick an SP…" label="Check it against" />
        <button className="btn" style={{ marginBottom: 10 }} disabled={!pick || d.running} onClick={() => checkAgainst(pick)}>
          Check against it
        </button>
        {definition ? (
          <button className="btn primary" style={{ marginBottom: 10 }} disabled={d.running} onClick={() => void define()} title={`Entity ID ${definition.entityId}, ACS ${definition.acsUrl}`}>
            Define {definition.displayName} from the response
          </button>
        ) : null}
      </div>
    </section>
  );
}
