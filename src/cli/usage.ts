/** Bad usage: exit code 2, with the message and the command's help. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Input that cannot be used (unreadable, a DTD, no such file): exit code 2, the reason and one line of help. */
export class InputError extends UsageError {
  override name = 'InputError';
}
