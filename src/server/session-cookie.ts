import type { HubConfig } from "../config/config";

/**
 * The cookies of people's sign-in. The session cookie is httpOnly and SameSite=Strict (another site's page
 * can neither read it nor make the browser send it), Secure with the `__Host-` prefix outside development.
 * The sign-in cookie ties an authorization request to the browser that began it (no login CSRF): it must
 * reach the callback, a cross-site navigation from the provider, hence SameSite=Lax (and Path=/, which the
 * `__Host-` prefix demands; it lives ten minutes and is cleared at the callback).
 */
export class SessionCookies {
  readonly secure: boolean;
  readonly session: string;
  readonly signIn: string;
  /** HUB_PUBLIC_URL: the origin the hub's own pages are served from (else the request's Host). */
  readonly publicUrl: string | undefined;

  constructor(private readonly config: HubConfig) {
    this.publicUrl = config.signIn.publicUrl;
    this.secure = config.env === "production" || !!config.signIn.publicUrl?.startsWith("https:");
    this.session = this.secure ? "__Host-hub_session" : "hub_session";
    this.signIn = this.secure ? "__Host-hub_sign_in" : "hub_sign_in";
  }

  /** The value of cookie `name` in a Cookie header. */
  static read(header: string | undefined, name: string): string | undefined {
    if (!header) return undefined;
    for (const part of header.split(";")) {
      const eq = part.indexOf("=");
      if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
    }
    return undefined;
  }

  sessionCookie(token: string): string {
    return this.serialize(this.session, token, { maxAge: this.config.signIn.maxSeconds, sameSite: "Strict" });
  }

  signInCookie(token: string, maxAge: number): string {
    // `__Host-` cookies must have Path=/; the value is checked against the attempt anyway.
    return this.serialize(this.signIn, token, { maxAge, sameSite: "Lax" });
  }

  cleared(name: string): string {
    return this.serialize(name, "", { maxAge: 0, sameSite: name === this.signIn ? "Lax" : "Strict" });
  }

  private serialize(name: string, value: string, options: { maxAge: number; sameSite: "Strict" | "Lax" }): string {
    return [`${name}=${value}`, "Path=/", "HttpOnly", `SameSite=${options.sameSite}`, `Max-Age=${options.maxAge}`, ...(this.secure ? ["Secure"] : [])].join("; ");
  }
}

/**
 * Whether a request that carries the session cookie comes from the hub's own pages: its `Origin`, when the
 * browser sends one (every POST), names the hub itself. Defence in depth beside SameSite=Strict.
 */
export function sameOrigin(origin: string | undefined, host: string | undefined, publicUrl: string | undefined): boolean {
  if (origin === undefined) return true;
  try {
    const from = new URL(origin);
    return publicUrl ? from.origin === new URL(publicUrl).origin : from.host === host;
  } catch {
    return false;
  }
}
