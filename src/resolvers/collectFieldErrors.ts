import { BadUserInputError, type FieldError } from '../errors';

/** Runs a validation that throws BAD_USER_INPUT, adding its problems to `errors` instead, so one answer names them all. */
export function collectFieldErrors<T>(validate: () => T, errors: FieldError[]): T | undefined {
  try {
    return validate();
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    errors.push(...error.fieldErrors);
    return undefined;
  }
}
