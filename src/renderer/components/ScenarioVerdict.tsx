import type { ScenarioExpectation, ScenarioOutcome } from '../../shared/views';

const describe = (o: ScenarioOutcome | ScenarioExpectation) => (o.status === 'error' ? `${o.code}${o.source ? ` (${o.source})` : ''}` : o.status);

/** Whether a reproduction or replay ended as its scenario expects. */
export function ScenarioVerdict({ matches, expected, outcome, what }: { matches: boolean; expected: ScenarioExpectation; outcome: ScenarioOutcome; what: string }) {
  return (
    <section className={`panel outcome ${matches ? '' : 'error'}`} aria-label="Scenario verdict" data-testid="scenario-verdict" data-matches={String(matches)}>
      <h2 style={{ marginTop: 0 }} className={matches ? 'pass' : 'fail'}>
        {matches ? `✓ ${what}` : '✗ The outcome is not the one the scenario expects'}
      </h2>
      <p>
        Expected <code>{describe(expected)}</code>, got <code>{describe(outcome)}</code>.
      </p>
    </section>
  );
}
