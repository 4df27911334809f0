// The emulator answers only this machine: a web page on another origin (or one reaching 127.0.0.1 through DNS
// rebinding) must not read SMS codes, move the clock or call the database. Browsers get no CORS grant; requests
// without an Origin (node-sdk, curl, the mini program in WeChat DevTools) and the h5 app served same-origin pass.

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Extra `host[:port]` names allowed, e.g. a LAN address for testing on a phone: EMULATOR_ALLOWED_HOSTS=192.168.1.5. */
function extraHosts(env: NodeJS.ProcessEnv): Set<string> {
  return new Set(
    (env.EMULATOR_ALLOWED_HOSTS ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
}

const hostname = (host: string) => (host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]);

/** Why a request is refused, or null: its Host must be this machine, and its Origin (if any) this server itself. */
export function refusal(headers: { host?: string; origin?: string }, port: number, env: NodeJS.ProcessEnv = process.env): string | null {
  const extra = extraHosts(env);
  const host = (headers.host ?? '').toLowerCase();
  const allowedHost = (h: string) =>
    (LOOPBACK.has(hostname(h)) && (h === hostname(h) || h.endsWith(`:${port}`))) || extra.has(h) || extra.has(hostname(h));
  if (!allowedHost(host)) return `host ${JSON.stringify(headers.host ?? '')} is not this machine (EMULATOR_ALLOWED_HOSTS adds one)`;
  const origin = headers.origin;
  if (origin === undefined) return null;
  let o: URL;
  try {
    o = new URL(origin);
  } catch {
    return `origin ${JSON.stringify(origin)} is not allowed`;
  }
  // Same origin only: the page must have been served by this emulator (scheme http, same loopback host and port).
  if (o.protocol === 'http:' && o.host.toLowerCase() === host) return null;
  return `cross-origin requests are refused (origin ${origin}); open the app from this emulator's own address`;
}
