/**
 * Errors the user can see carry a stable code, so UI, CLI and tests never match on message text.
 */
export class CoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detail: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

export type Result<T, E = CoreError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

export function isCoreError(e: unknown): e is CoreError {
  return e instanceof CoreError;
}
