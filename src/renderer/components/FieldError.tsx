/** A field's problem in the blade's words, under the field, announced as it appears. */
export function FieldError({ id, problem }: { id: string; problem: string | undefined }) {
  return problem ? (
    <span className="field-error" id={id} role="alert">
      {problem}
    </span>
  ) : null;
}
