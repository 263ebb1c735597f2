import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';

describe('saml-harness reproduce, named as a ticket names it', () => {
  it('the CLI takes each spelling and suggests the nearest when nothing matches', async () => {
    for (const spelling of [['50011'], ['cloudinary', '7'], ['ROLE_LOOKUP_ERROR'], ['The reply URL specified in the request does not match'], ['Error code 7']]) {
      const r = await runCli(['reproduce', ...spelling, '--json'], { timeoutMs: 60_000 });
      expect(r.code, `${spelling.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const miss = await runCli(['reproduce', 'AADSTS5001']);
    expect(miss.code).toBe(2);
    expect(miss.stderr).toMatch(/no preset "AADSTS5001"; the nearest: entra\/AADSTS\d+/);
  }, 120_000);
});
