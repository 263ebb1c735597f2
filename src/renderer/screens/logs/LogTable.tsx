import type { RunLogEntry } from '../../../shared/views';
import { when } from '../../lib/when';
const SOURCE: Record<RunLogEntry['source'], string> = { run: 'Run', reproduced: 'Reproduced', replayed: 'Replayed', external: 'Your SP', browser: 'Your browser' };

/** The log's rows, newest first: a row opens its run; a box ticks it for comparison. */
export function LogTable({
  entries,
  picked,
  openId,
  onOpen,
  onPick,
}: {
  entries: RunLogEntry[];
  picked: string[];
  openId: string | undefined;
  onOpen: (id: string) => void;
  onPick: (id: string, on: boolean) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="log-table">
        <thead>
          <tr>
            <th>
              <span className="visually-hidden">Compare</span>
            </th>
            <th>Date</th>
            <th>User</th>
            <th>Application</th>
            <th>Status</th>
            <th>Result</th>
            <th>Flow</th>
            <th>Source</th>
            <th>Duration</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr
              key={e.id}
              data-testid="log-row"
              data-run={e.id}
              aria-current={e.id === openId ? 'true' : undefined}
              className="log-row"
              // A click anywhere on the row opens it, as in Entra's list; the date's button is the keyboard's way in.
              onClick={(ev) => {
                if (!(ev.target as HTMLElement).closest('input, button, a')) onOpen(e.id);
              }}
            >
              <td>
                <input type="checkbox" checked={picked.includes(e.id)} onChange={(ev) => onPick(e.id, ev.target.checked)} aria-label={`Compare the run of ${when(e.at)}`} />
              </td>
              <td>
                <button className="link" onClick={() => onOpen(e.id)} aria-label={`Open the run of ${when(e.at)}: ${e.result}`}>
                  {when(e.at)}
                </button>
              </td>
              <td>{e.user ?? <span className="muted">—</span>}</td>
              <td>
                {e.app ?? e.sp}
                {e.app && e.app !== e.sp ? <div className="muted">{e.sp}</div> : null}
              </td>
              <td>
                <span className={`badge ${e.status === 'success' ? 'pass' : 'fail'}`}>{e.status === 'success' ? 'Success' : 'Failure'}</span>
              </td>
              <td className="mono wrap" title={e.message}>
                {e.result}
              </td>
              <td>{e.flow}</td>
              <td>{SOURCE[e.source]}</td>
              <td>{e.durationMs} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
