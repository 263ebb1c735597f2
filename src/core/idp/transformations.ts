import type { ClaimSource, Operand, SourceAttribute, Transformation } from './model';
import { regexReplace } from './regex-replace';

/** Values of a `user.*` attribute for the signed-in user; multi-valued for user.groups. */
export type AttributeResolver = (attribute: SourceAttribute) => readonly string[];

type Value = string | null;

const empty = (v: Value): boolean => v === null || v === '';

function operandValue(op: Operand | undefined, resolve: AttributeResolver, previous: Value): Value {
  if (!op) return null;
  switch (op.kind) {
    case 'constant':
      return op.value;
    case 'previous':
      return previous;
    case 'attribute':
      return resolve(op.attribute)[0] ?? null;
  }
}

const leading = (re: RegExp, s: string): Value => re.exec(s)?.[0] ?? null;

/** One Entra claim transformation. A null result means the claim (or this branch) has no value. */
export function applyTransformation(t: Transformation, resolve: AttributeResolver, previous: Value = null): Value {
  const v = (op: Operand | undefined): Value => operandValue(op, resolve, previous);
  const input = v(t.input);
  switch (t.fn) {
    case 'Join': {
      const parts = [input, v(t.input2)].filter((p): p is string => !empty(p));
      return parts.length ? parts.join(t.separator) : null;
    }
    case 'ExtractMailPrefix':
      return input === null ? null : input.includes('@') ? input.slice(0, input.indexOf('@')) : input;
    case 'ToLowercase':
      return input?.toLowerCase() ?? null;
    case 'ToUppercase':
      return input?.toUpperCase() ?? null;
    case 'Contains':
      return input !== null && input.includes(t.value) ? v(t.output) : v(t.elseOutput);
    case 'StartWith':
      return input !== null && input.startsWith(t.value) ? v(t.output) : v(t.elseOutput);
    case 'EndWith':
      return input !== null && input.endsWith(t.value) ? v(t.output) : v(t.elseOutput);
    case 'ExtractAfter': {
      const i = input?.indexOf(t.value) ?? -1;
      return i < 0 ? null : input!.slice(i + t.value.length);
    }
    case 'ExtractBefore': {
      const i = input?.indexOf(t.value) ?? -1;
      return i < 0 ? null : input!.slice(0, i);
    }
    case 'ExtractBetween': {
      const a = input?.indexOf(t.value) ?? -1;
      if (a < 0) return null;
      const from = a + t.value.length;
      const b = input!.indexOf(t.value2, from);
      return b < 0 ? null : input!.slice(from, b);
    }
    case 'ExtractAlpha':
      return input === null ? null : leading(t.mode === 'prefix' ? /^[A-Za-z]+/ : /[A-Za-z]+$/, input);
    case 'ExtractNumeric':
      return input === null ? null : leading(t.mode === 'prefix' ? /^[0-9]+/ : /[0-9]+$/, input);
    case 'IfEmpty':
      return empty(input) ? v(t.output) : t.elseOutput ? v(t.elseOutput) : input;
    case 'IfNotEmpty':
      return !empty(input) ? v(t.output) : v(t.elseOutput);
    case 'Substring':
      return input === null ? null : input.substr(t.start, t.length) || null;
    case 'RegexReplace': {
      if (input === null) return null;
      const extra = Object.fromEntries(t.extraInputs.map((x) => [x.name, v(x.operand)]));
      return regexReplace(input, t.pattern, t.replacement, extra) ?? v(t.noMatchOutput);
    }
  }
}

function runSteps(steps: readonly Transformation[], resolve: AttributeResolver): Value {
  let previous: Value = null;
  for (const step of steps) previous = applyTransformation(step, resolve, previous);
  return previous;
}

/**
 * The values a claim source yields for the user; an empty list means Entra leaves the claim out.
 * "Treat source as multivalued" runs the transformations once per value of the first step's input attribute.
 */
export function evaluateSource(source: ClaimSource, resolve: AttributeResolver): string[] {
  switch (source.kind) {
    case 'constant':
      return source.value === '' ? [] : [source.value];
    case 'attribute':
      return resolve(source.attribute).filter((x) => x !== '');
    case 'transformation': {
      const first = source.steps[0]!;
      if (source.treatAsMultiValued && first.input.kind === 'attribute') {
        const attribute = first.input.attribute;
        return resolve(attribute)
          .map((one) => runSteps(source.steps, (a) => (a === attribute ? [one] : resolve(a))))
          .filter((x): x is string => !empty(x));
      }
      const out = runSteps(source.steps, resolve);
      return empty(out) ? [] : [out!];
    }
  }
}
