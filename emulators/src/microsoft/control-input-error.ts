/** Bad input to a control (unknown account, negative lifetime …); the HTTP routes answer 400 with its message. */
export class ControlInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ControlInputError';
  }
}
