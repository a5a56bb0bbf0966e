/** A request a person got wrong (a date, a week, an unknown code): shown as is, in Chinese. */
export class BadInputError extends Error {
  override name = 'BadInputError';
}
