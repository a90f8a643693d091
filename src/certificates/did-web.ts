// did:web identifiers (https://w3c-ccg.github.io/did-method-web/): the issuer's DID is
// its public address, and its DID document is served from that address.

/** "http://localhost:3000" → "did:web:localhost%3A3000"; "https://learn.example.org/sub" → "did:web:learn.example.org:sub". */
export function didWebFromBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  const segments = url.pathname
    .split("/")
    .filter(Boolean)
    .map((segment) => encodeURIComponent(decodeURIComponent(segment)));
  // The port's colon must be percent-encoded: colons separate path segments in did:web.
  return ["did:web", encodeURIComponent(url.host), ...segments].join(":");
}

const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * Where a did:web DID document lives: https://host/.well-known/did.json, or
 * https://host/path/did.json when the DID has a path. Plain http only for localhost,
 * so a development server can be checked too.
 */
export function didWebDocumentUrl(did: string): string {
  const [bare] = did.split("#");
  if (!bare?.startsWith("did:web:")) throw new Error(`Not a did:web identifier: ${did}`);
  const [host = "", ...path] = bare.slice("did:web:".length).split(":").map(decodeURIComponent);
  if (!host) throw new Error(`did:web identifier without a host: ${did}`);
  const origin = `${LOCAL_HOST.test(host) ? "http" : "https"}://${host}`;
  return path.length === 0
    ? `${origin}/.well-known/did.json`
    : `${origin}/${path.map(encodeURIComponent).join("/")}/did.json`;
}
