import vm from 'node:vm';
import { CoreError } from '../base/errors';

/** Entra stops a claims regex that runs too long with AADSTS501621; we do the same instead of hanging. */
export const REGEX_TIMEOUT_MS = 50;

const context = vm.createContext({ input: '', pattern: '', flags: '', result: null as RegExpExecArray | null });
const script = new vm.Script('result = new RegExp(pattern, flags).exec(input)');

/** Entra takes .NET regex syntax: `(?'name'…)` groups and a leading `(?i)`. JavaScript spells them differently. */
export function toJsRegex(pattern: string): { source: string; flags: string } {
  let flags = 'u';
  let source = pattern.replace(/\(\?'(\w+)'/g, '(?<$1>');
  if (/\(\?i\)/.test(source)) {
    flags += 'i';
    source = source.replace(/\(\?i\)/g, '');
  }
  return { source, flags };
}

export function execWithTimeout(pattern: string, input: string): RegExpExecArray | null {
  const { source, flags } = toJsRegex(pattern);
  try {
    new RegExp(source, flags);
  } catch (e) {
    throw new CoreError('CLAIM_REGEX_INVALID', `The regex pattern ${JSON.stringify(pattern)} is not valid: ${(e as Error).message}`);
  }
  Object.assign(context, { input, pattern: source, flags, result: null });
  try {
    script.runInContext(context, { timeout: REGEX_TIMEOUT_MS });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new CoreError('AADSTS501621', 'Regular expression replacement for claims transformation has timed out.', { pattern });
    }
    throw e;
  }
  return context.result as RegExpExecArray | null;
}

/**
 * Entra's RegexReplace: on a match, the replacement pattern with `{group}` placeholders filled from the named
 * groups and the extra inputs; on no match, the "output if no match" (or nothing).
 */
export function regexReplace(input: string, pattern: string, replacement: string, extra: Record<string, string | null>): string | null {
  const m = execWithTimeout(pattern, input);
  if (!m) return null;
  return replacement.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const fromGroup = m.groups?.[name];
    if (fromGroup !== undefined) return fromGroup;
    const fromExtra = extra[name];
    return fromExtra ?? whole;
  });
}
