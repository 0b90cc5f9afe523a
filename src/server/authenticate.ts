import type { Queryable } from '../entities/database';
import { UnauthenticatedError } from '../errors';
import type { Viewer } from '../resolvers/context';
import { API_KEY_PREFIX, viewerOfApiKey } from './apiKeys';
import type { TokenVerifier } from './auth';

/**
 * Who calls (issue 5): `Authorization: Bearer rk_...` is an API key, looked up on every
 * request so that revoking works at once; any other bearer token must be a valid JWT.
 */
export function createAuthenticator(verifyToken: TokenVerifier, db: Queryable): (authorization: string | undefined) => Promise<Viewer> {
  return async (authorization) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (bearer?.startsWith(API_KEY_PREFIX)) {
      const viewer = await viewerOfApiKey(db, bearer);
      if (!viewer) throw new UnauthenticatedError('The API key is unknown or revoked');
      return viewer;
    }
    return verifyToken(authorization);
  };
}
