import { relative } from 'node:path';
import { describeOutcome } from '../../core/scenarios/runner';
import { escapeXml } from '../../core/xml/escape';
import type { ScenarioResult } from './results';

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(r: ScenarioResult, cwd: string): string {
  const file = relative(cwd, r.file);
  const open = `    <testcase classname="${escapeXml(file.replace(/\.json$/, '').replace(/[\\/]/g, '.'))}" name="${escapeXml(r.name)}" file="${escapeXml(file)}" time="${seconds(r.durationMs)}"`;
  if (r.status === 'passed') return `${open}/>`;
  if (r.status === 'error') return `${open}>\n      <error type="${escapeXml(r.code ?? 'ERROR')}" message="${escapeXml(r.message ?? '')}"/>\n    </testcase>`;
  const message = `expected ${describeOutcome(r.expected!)}, got ${describeOutcome(r.actual!)}`;
  const detail = r.actual?.status === 'error' ? `${r.actual.message}${r.actual.reason ? `\nWhy: ${r.actual.reason}` : ''}` : '';
  return `${open}>\n      <failure type="OutcomeMismatch" message="${escapeXml(message)}">${escapeXml(detail)}</failure>\n    </testcase>`;
}

/** JUnit XML as CI servers read it (Jenkins, GitLab, GitHub test reporters): one testsuite, a testcase per file. */
export function junitReport(results: readonly ScenarioResult[], startedAt: Date, cwd = process.cwd()): string {
  const failures = results.filter((r) => r.status === 'failed').length;
  const errors = results.filter((r) => r.status === 'error').length;
  const time = seconds(results.reduce((s, r) => s + r.durationMs, 0));
  const counts = `tests="${results.length}" failures="${failures}" errors="${errors}" skipped="0" time="${time}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="saml-harness" ${counts}>`,
    `  <testsuite name="saml-harness scenarios" ${counts} timestamp="${startedAt.toISOString().replace(/\.\d+Z$/, '')}" hostname="localhost">`,
    ...results.map((r) => testcase(r, cwd)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
