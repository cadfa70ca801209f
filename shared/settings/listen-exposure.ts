/**
 * Whether the proxy's listen address keeps it to this machine. On loopback only local
 * programs reach it (and the request guard keeps web pages out); on any other address
 * (0.0.0.0, ::, a LAN address, a host name) every machine that can route to it can spend the
 * user's upstream credit, so a client key is then required: the settings refuse such a
 * save, and the server refuses to start (issue 7, "binding elsewhere warns and requires the
 * client key"). Pure, so the form, the settings service and the server share the rule.
 */

/** The host with IPv6 brackets stripped, lower-case. */
function bareHost(host: string): string {
  const name = host.trim().toLowerCase();
  return name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
}

export function isLoopbackListenHost(host: string): boolean {
  const name = bareHost(host);
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    /^127(?:\.\d{1,3}){3}$/.test(name) ||
    name === '::1' ||
    name === '0:0:0:0:0:0:0:1' ||
    /^::ffff:127(?:\.\d{1,3}){3}$/.test(name)
  );
}

/** Why listening on `server.host` needs a client key it does not have, or undefined. */
export function exposedWithoutClientKey(server: {
  host: string;
  clientKey?: string | undefined;
}): string | undefined {
  if (isLoopbackListenHost(server.host) || (server.clientKey ?? '') !== '') return undefined;
  return `A client key is required to listen on ${server.host}: that address is reachable from other machines, and without a key anyone there could use the proxy and your upstream keys. Set CLIENT_API_KEY (or a client key in Settings → Server), or listen on 127.0.0.1.`;
}
