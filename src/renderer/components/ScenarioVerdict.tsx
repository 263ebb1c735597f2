import type { ScenarioExpectation, ScenarioOutcome } from '../../shared/views';

const FROM = { entra: 'from Entra', sp: 'from the SP', setup: "from the SP's settings page", network: 'from the network', harness: 'from the harness' } as const;

/** "AADSTS50011 from Entra", "error 7 from the SP", "signed in". */
const describe = (o: ScenarioOutcome | ScenarioExpectation) => {
  if (o.status !== 'error') return o.status.replace('-', ' ');
  return `${/^AADSTS/.test(o.code) ? o.code : `error ${o.code}`}${o.source ? ` ${FROM[o.source]}` : ''}`;
};

/** Whether a reproduction or replay ended as its scenario expects. */
export function ScenarioVerdict({ matches, expected, outcome, what }: { matches: boolean; expected: ScenarioExpectation; outcome: ScenarioOutcome; what: string }) {
  return (
    <section className={`panel outcome verdict ${matches ? '' : 'error'}`} aria-label="Scenario verdict" data-testid="scenario-verdict" data-matches={String(matches)}>
      <h2 style={{ marginTop: 0 }} className={matches ? 'pass' : 'fail'}>
        {matches ? `✓ ${what}` : '✗ The outcome is not the one the scenario expects'}
      </h2>
      {matches ? (
        <p>
          It ended in <strong>{describe(outcome)}</strong>, as the scenario expects.
        </p>
      ) : (
        <p>
          Expected <strong>{describe(expected)}</strong>, got <strong>{describe(outcome)}</strong>.
        </p>
      )}
    </section>
  );
}
