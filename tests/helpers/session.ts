import { BASE_URL } from "./api";

function cookiesOf(res: Response, jar: Map<string, string>) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
  }
}

const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/**
 * Signs in through Auth.js (credentials provider) the way the browser does: CSRF token, then the
 * form post. Returns the Cookie header of the session, or null when sign-in was refused.
 */
export async function signInWithSession(email: string, password: string, ip = "10.200.0.1"): Promise<string | null> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${BASE_URL}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } });
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(jar), "x-forwarded-for": ip },
    body: new URLSearchParams({ csrfToken, email, password }).toString(),
  });
  cookiesOf(res, jar);
  const session = [...jar.keys()].find((k) => k.endsWith("authjs.session-token"));
  return session ? `${session}=${jar.get(session)}` : null;
}
