import type { ProvisioningDiff } from '../../shared/views';

const show = (v: string | string[] | undefined) => (v === undefined ? '—' : Array.isArray(v) ? v.join(', ') || '—' : v || '—');

/** What a sign-in did to the vendor's user: created / updated / unchanged, field by field, groups ±, warnings. */
export function DiffView({ diff }: { diff: ProvisioningDiff }) {
  return (
    <section className="panel" aria-label="Provisioning diff" data-testid="diff" data-action={diff.action}>
      <h3>
        Provisioning: {diff.email || diff.userId} <span className={diff.action === 'created' ? 'pass' : diff.action === 'updated' ? 'warn' : 'muted'}>{diff.action}</span>
      </h3>
      {diff.email && diff.email !== diff.userId ? (
        <p className="muted">
          The SP's ID for this user: <span className="mono">{diff.userId}</span>
        </p>
      ) : null}
      {diff.changes.length ? (
        <table>
          <thead>
            <tr>
              <th>Field</th>
              <th>Before</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody>
            {diff.changes.map((c) => (
              <tr key={c.field}>
                <td>{c.field}</td>
                <td className="muted">{show(c.before)}</td>
                <td>{show(c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No field changed.</p>
      )}
      {diff.groupsAdded.length || diff.groupsRemoved.length ? (
        <p>
          Groups:{' '}
          {diff.groupsAdded.map((g) => (
            <span key={`+${g}`} className="pill pass">
              + {g}
            </span>
          ))}
          {diff.groupsRemoved.map((g) => (
            <span key={`-${g}`} className="pill fail">
              − {g}
            </span>
          ))}
        </p>
      ) : null}
      {diff.groupsCreated.length ? <p className="muted">Groups created: {diff.groupsCreated.join(', ')}</p> : null}
      {diff.warnings.map((w) => (
        <p key={w} className="warn" data-testid="diff-warning">
          ⚠ {w}
        </p>
      ))}
    </section>
  );
}
