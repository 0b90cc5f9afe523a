import type { ServerResponse } from 'node:http';
import { ApiError, type ErrorCode } from '../errors';

const STATUS: Partial<Record<ErrorCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

/**
 * Answers a failed upload or download as JSON `{ error: { code, message } }` (the codes of
 * contract section 4); anything that is not an ApiError is masked as a 500. A response
 * already streaming is cut off, so a client never takes a partial file for a whole one.
 */
export function sendError(response: ServerResponse, error: unknown, log: (error: unknown) => void): void {
  if (response.headersSent) {
    log(error);
    response.destroy();
    return;
  }
  const known = error instanceof ApiError;
  if (!known) log(error);
  const status = known ? (STATUS[error.code] ?? 400) : 500;
  const body = known ? { code: error.code, message: error.message, ...fieldErrorsOf(error) } : { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: body }));
}

function fieldErrorsOf(error: ApiError): Record<string, unknown> {
  const fieldErrors = error.extensions.fieldErrors;
  return fieldErrors ? { fieldErrors } : {};
}
