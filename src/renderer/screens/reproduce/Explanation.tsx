import type { Collision, SettingChange } from '../../../shared/views';

function Collisions({ items }: { items: Collision[] }) {
  return (
    <section className="panel" aria-labelledby="collided-title" data-testid="collisions">
      <h2 id="collided-title" style={{ marginTop: 0 }}>
        What collided
      </h2>
      <table>
        <thead>
          <tr>
            <th>What</th>
            <th>Sent</th>
            <th>Held by the other side</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.what} data-collision={c.what}>
              <td>
                <strong>{c.what}</strong>
              </td>
              <td className="wrap">
                <div className="muted">{c.sent.where}</div>
                <code className="sent">{c.sent.value}</code>
              </td>
              <td className="wrap">
                <div className="muted">{c.held.where}</div>
                <ul className="plain">
                  {c.held.values.map((v) => (
                    <li key={v}>
                      <code>{v}</code>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Changes({ items }: { items: SettingChange[] }) {
  return (
    <section className="panel" aria-labelledby="changed-title" data-testid="baseline-diff">
      <h2 id="changed-title" style={{ marginTop: 0 }}>
        What the preset changed from the working set-up
      </h2>
      <table className="diff-table">
        <thead>
          <tr>
            <th>Setting</th>
            <th>Working set-up</th>
            <th>This preset</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.path} data-path={c.path}>
              <td className="wrap" title={c.path}>
                {c.label ?? c.path}
              </td>
              <td className="mono wrap">{c.a === undefined ? <span className="muted">(not set)</span> : <del>{c.a}</del>}</td>
              <td className="mono wrap">{c.b === undefined ? <span className="muted">(removed)</span> : <ins>{c.b}</ins>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Why a reproduced code happened: the values that collided, and the one change from a set-up that works. */
export function Explanation({ collisions, changed }: { collisions: Collision[]; changed: SettingChange[] | undefined }) {
  if (!collisions.length && !changed?.length) return null;
  return (
    <div className="grid2">
      {collisions.length ? <Collisions items={collisions} /> : null}
      {changed?.length ? <Changes items={changed} /> : null}
    </div>
  );
}
