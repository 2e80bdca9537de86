/** A file that cannot be imported; the message says where and why (shown to the user as is). */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
