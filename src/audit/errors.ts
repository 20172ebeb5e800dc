/** Bad input: the command prints the message and exits with code 2. */
export class AuditInputError extends Error {
  override readonly name = 'AuditInputError';
}
