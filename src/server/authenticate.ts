import { WEB_CLIENT_NAME } from "../entities/client-system.entity";
import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { Viewer } from "../auth/viewer";
import type { TokenVerifier } from "../auth/token";
import type { PersonSessions } from "../auth/person-session";
import { sameOrigin, SessionCookies } from "./session-cookie";
import type { RateLimits } from "./rate-limit";
import { decodeJwt } from "jose";
import { caseReference } from "../auth/case-reference";
import type { RequestMeta } from "../context/request-scope";
import { BadUserInputError, HubError, RateLimitedError, ServiceUnavailableError, UnauthenticatedError } from "../errors/errors";
import { nameCharacterProblem } from "../domain/invisible-characters";
import type { Logger } from "../logging/logger";
import type { Metrics } from "./metrics";
import { sendUnavailable } from "./unavailable";

export interface Authenticated {
  viewer: Viewer;
  request: RequestMeta;
}

/** A session cookie that no longer opens a session: signed out, timed out, or its agency or system disabled. */
class SessionEndedError extends UnauthenticatedError {
  constructor() {
    super("Your sign-in session has ended; sign in again.");
  }
}

/** How callers prove who they are: a bearer token (systems), or the session cookie of a person signed in. */
export interface Credentials {
  verifier: TokenVerifier;
  sessions: PersonSessions;
  cookies: SessionCookies;
  /** Budgets: each caller's (`RequestMeta.budget`), and failed authentications per address and claimed client. */
  limits: RateLimits;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

/**
 * Express middleware in front of `/graphql`: reads the request headers and the bearer token or session cookie.
 *
 * No `Authorization` header and no session cookie: the anonymous public. A header that is present but not a
 * valid token for an active agency and client system, or a cookie that opens no session (or comes from another
 * origin): HTTP 401 with `UNAUTHENTICATED`, never a fall-back to anonymous.
 * `X-Request-Id` is echoed (generated when absent or malformed); `X-Case-Ref` and `X-End-User` reach the
 * context and the audit trail. Non-ASCII values (Chinese case numbers) may be sent percent-encoded UTF-8.
 * `send`, when given, answers a refusal instead (the subgraph endpoint answers them 200 for gateways).
 */
export function authenticate(credentials: Credentials, logger: Logger, metrics: Metrics, send?: (res: Response, error: HubError) => void) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const requestId = requestIdOf(req.get("x-request-id"));
    res.setHeader("X-Request-Id", requestId);
    const address = req.ip ?? "unknown";
    // Failed authentications are budgeted per address (checked before any signature is verified) and per
    // claimed client system (counted, and answered 429 once spent, but a valid token of that system still
    // passes: a stranger cannot lock a court out by sending bad tokens in its name).
    const bearer = req.get("authorization") !== undefined;
    const claimed = bearer ? claimedClient(req.get("authorization")!) : undefined;
    try {
      if (bearer) await credentials.limits.admitAuthentication([`ip:${address}`]);
      // Node keeps the first of repeated Authorization lines and drops the rest, where a proxy in front may
      // have judged another: a request that sends two credentials is refused, never read as one of them.
      if (headerLines(req.rawHeaders, "authorization") > 1) throw new UnauthenticatedError("Send one Authorization header.");
      if (claimed) await credentials.limits.precheck(`client:${claimed}`);
      const auth = await identify(credentials, logger, requestId, (name) => req.get(name), address);
      await credentials.limits.admit(auth.request.budget!);
      res.locals.auth = { ...auth, request: { ...auth.request, budget: { ...auth.request.budget!, admitted: true } } };
      next();
    } catch (error) {
      let hubError = error instanceof HubError ? error : new ServiceUnavailableError();
      if (hubError instanceof UnauthenticatedError && bearer) {
        const keys = [`ip:${address}`, ...(claimed ? [`client:${claimed}`] : [])];
        hubError = (await credentials.limits.failedAuthentication(keys)) ?? hubError;
      }
      if (hubError instanceof RateLimitedError) res.setHeader("Retry-After", String(hubError.retryAfterSeconds));
      if (hubError instanceof ServiceUnavailableError && !send) return sendUnavailable(res);
      if (hubError instanceof UnauthenticatedError) {
        metrics.authFailures.inc();
        // An ended session's cookie is dropped, so the page's next request is the public's (never on another
        // site's request: that would let it sign the person out).
        if (hubError instanceof SessionEndedError) res.setHeader("Set-Cookie", credentials.cookies.cleared(credentials.cookies.session));
        res.setHeader("WWW-Authenticate", 'Bearer error="invalid_token"');
        logger.warn({ reqId: requestId, reason: hubError.message }, "authentication refused");
      }
      const answer = hubError;
      const respond = () => (send ?? sendError())(res, answer);
      if (answer instanceof RateLimitedError) credentials.limits.tarpit(respond);
      else respond();
    }
  };
}

/** Answers a refusal before execution as a GraphQL error: with its own status, or always `status`. */
export function sendError(status?: number) {
  return (res: Response, error: HubError) => {
    res.status(status ?? error.httpStatus ?? 400).json({ errors: [{ message: error.message, extensions: error.publicExtensions() }] });
  };
}

/** A person signed in through the hub's own sign-in (their requests run as the agency's `web` system). */
export function isPersonSignedIn(viewer: Viewer): boolean {
  return viewer.client?.name === WEB_CLIENT_NAME && viewer.operator === undefined;
}

/** How many times a header was sent (`rawHeaders` alternates names and values, as received). */
function headerLines(rawHeaders: string[], name: string): number {
  let lines = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i].toLowerCase() === name) lines++;
  return lines;
}

/** The caller's X-Request-Id when well formed, else a new one. */
export function requestIdOf(header: string | undefined): string {
  return header && REQUEST_ID.test(header) ? header : randomUUID();
}

/** A header's text: percent-encoded UTF-8 decoded, raw UTF-8 bytes read as UTF-8; null when it cannot be decoded. */
function decodedHeader(raw: string | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim();
  if (/%[0-9A-Fa-f]{2}/.test(value)) {
    try {
      return decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  // Node hands raw UTF-8 header bytes over as Latin-1 characters.
  return /[^\x00-\x7f]/.test(value) ? Buffer.from(value, "latin1").toString("utf8") : value;
}

function contextHeader(raw: string | undefined, name: string, maxLength: number): string | null {
  const decoded = decodedHeader(raw);
  if (decoded === null) throw new BadUserInputError(`${name} is not valid percent-encoded UTF-8.`, name);
  if (decoded === undefined) return null;
  const value = decoded.trim();
  if (value.length === 0) return null;
  // A person's name, recorded in the audit trail: one line, nothing invisible (no bidi control, no zero-width character).
  if (value.length > maxLength || nameCharacterProblem(value, name)) {
    throw new BadUserInputError(`${name} must be at most ${maxLength} characters without control or invisible characters.`, name);
  }
  return value;
}

/**
 * Who is asking and the request's context, from its headers (read through `header`): the one path from a
 * request to a viewer, for the HTTP middleware and for in-process operations (tests). Throws
 * UNAUTHENTICATED for a bad credential, SERVICE_UNAVAILABLE when the registry cannot be read.
 */
export async function identify(
  credentials: Credentials,
  logger: Logger,
  requestId: string,
  header: (name: string) => string | undefined,
  address = "in-process",
  /** `touchSession: false`: confirming a session still holds is not a use of it (a live connection's periodic check). */
  options: { touchSession?: boolean } = {},
): Promise<Authenticated> {
  const { verifier, limits } = credentials;
  // A case reference that cannot justify a disclosure does not fail the request: the disclosure is
  // refused (masked, audited as DENIED with the reason) and the rest is answered.
  const caseRefHeader = decodedHeader(header("x-case-ref"));
  const caseRef = caseReference(caseRefHeader === null ? "" : caseRefHeader);
  const request: RequestMeta = {
    id: requestId,
    caseRef: caseRef.value,
    caseRefProblem: caseRef.problem,
    endUser: contextHeader(header("x-end-user"), "X-End-User", 100),
  };
  const authorization = header("authorization");
  let viewer = Viewer.anonymous();
  const session = authorization === undefined ? SessionCookies.read(header("cookie"), credentials.cookies.session) : undefined;
  if (session !== undefined) {
    // A person signed in: the person, not a header the page could set, is the end user.
    if (!sameOrigin(header("origin"), header("host"), credentials.cookies.publicUrl)) throw new UnauthenticatedError("A signed-in session is used from the hub's own pages only.");
    const person = await credentials.sessions.resolve(session, { touch: options.touchSession }).catch((error: unknown) => {
      logger.error({ reqId: requestId, errorName: (error as Error)?.name }, "session lookup failed");
      throw new ServiceUnavailableError();
    });
    if (!person) throw new SessionEndedError();
    // Each person has a budget of their own (their colleagues are not slowed by them).
    const budget = { key: `person:${person.viewer.agency!.code}:${person.subject}`, points: person.viewer.agency!.rateLimitPoints ?? limits.settings.clientPoints };
    return { viewer: person.viewer, request: { ...request, endUser: person.endUser, budget } };
  }
  if (authorization !== undefined) {
    const match = BEARER.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError("The Authorization header must be `Bearer <token>`.");
    viewer = await verifier.verify(match[1]).catch((error: unknown) => {
      if (error instanceof HubError) throw error;
      // The registry could not be read: the caller is not at fault.
      logger.error({ reqId: requestId, errorName: (error as Error)?.name }, "token verification failed");
      throw new ServiceUnavailableError();
    });
  }
  const budget = viewer.agency
    ? { key: `client:${viewer.agency.code}/${viewer.client!.name}`, points: viewer.agency.rateLimitPoints ?? limits.settings.clientPoints }
    : { key: `ip:${address}`, points: limits.settings.anonymousPoints };
  return { viewer, request: { ...request, budget } };
}

/** The client system a bearer token names (`sub`), unverified: only a key for counting its failures. */
function claimedClient(authorization: string): string | undefined {
  const match = BEARER.exec(authorization.trim());
  if (!match) return undefined;
  try {
    const sub = decodeJwt(match[1]).sub;
    return typeof sub === "string" && sub.length <= 100 ? sub : undefined;
  } catch {
    return undefined;
  }
}
