/**
 * Answers released in the order their requests were made, whatever order they settle in: the
 * legacy server answered a session's requests in order on its one connection, where RTM answers
 * its calls in any order (a batched status query, a brief join, a member count). Only the last
 * answer is kept, so a long session's chain does not grow.
 */
export class InOrder {
  #last: Promise<unknown> = Promise.resolve();

  /** `answer`, settled no earlier than every answer passed in before it. */
  next<T>(answer: Promise<T>): Promise<T> {
    const after = (): Promise<T> => answer;
    const released = this.#last.then(after, after);
    this.#last = released;
    return released;
  }
}
