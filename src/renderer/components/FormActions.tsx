/** A form's Save and Cancel, in that order, Save disabled (with why, as a tooltip) while the form has a problem. */
export function FormActions({
  onSave,
  onCancel,
  saveLabel = 'Save',
  problem,
  style,
}: {
  onSave(): void;
  onCancel(): void;
  saveLabel?: string;
  problem?: string | undefined;
  style?: React.CSSProperties;
}) {
  return (
    <div className="row" style={style}>
      <button className="btn primary" onClick={onSave} disabled={Boolean(problem)} title={problem}>
        {saveLabel}
      </button>
      <button className="btn" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
