// npm run verify-credential -- <credential.json> [--did-document <file>] [--status-list <file>] [--offline]
//
// Checks a Sendero certificate credential: signature, issuer key, dates and revocation.
// Without --did-document the issuer's DID document is fetched from its did:web address,
// and without --status-list the status list from the credential's address (5 s limit
// each); --offline never touches the network.
//
// Exit codes: 0 valid and not revoked; 1 not valid; 2 bad usage or unreadable file;
// 3 genuine and in date, but revocation could not be checked.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { verifyCredential } from "./credential.js";
import { didWebDocumentUrl } from "./did-web.js";
import { isObject } from "./document-loader.js";
import { fetchJson } from "./fetch-json.js";

const USAGE =
  "usage: npm run verify-credential -- <credential.json> [--did-document <file>] [--status-list <file>] [--offline]";

type Obtained = { document: Record<string, unknown> | null; note: string };

const OPTIONS = {
  "did-document": { type: "string" },
  "status-list": { type: "string" },
  offline: { type: "boolean" },
} as const;

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: OPTIONS,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const [file, ...rest] = parsed.positionals;
  if (!file || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const credential = readJson(file);
  const { values } = parsed;
  const issuer = isObject(credential.issuer) ? credential.issuer.id : credential.issuer;
  const statusUrl = isObject(credential.credentialStatus)
    ? credential.credentialStatus.statusListCredential
    : undefined;
  const didUrl = typeof issuer === "string" && issuer.startsWith("did:web:") ? didWebDocumentUrl(issuer) : undefined;
  const did = await obtain("--did-document", values["did-document"], didUrl, values.offline);
  const status = await obtain(
    "--status-list",
    values["status-list"],
    typeof statusUrl === "string" ? statusUrl : undefined,
    values.offline,
  );
  const verdict = await verifyCredential(credential, {
    didDocument: did.document,
    statusListCredential: status.document,
  });
  if (!verdict.ok) {
    console.log(
      `NOT VALID (${verdict.code}): ${verdict.reason}${verdict.code === "issuer-key" && did.note ? ` (${did.note})` : ""}`,
    );
    return 1;
  }
  const summary = `"${verdict.name}" issued by ${verdict.issuerName} (${verdict.issuer}) to ${verdict.recipientName}, valid from ${verdict.validFrom}${verdict.validUntil ? ` until ${verdict.validUntil}` : ""}`;
  if (!verdict.statusChecked) {
    console.log(`VALID, BUT REVOCATION NOT CHECKED: ${summary}; ${status.note || "no status list"}.`);
    return 3;
  }
  console.log(`VALID: ${summary}; not revoked.`);
  return 0;
}

function readJson(file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  if (!isObject(value)) throw new UsageError(`${file} does not contain a JSON object`);
  return value;
}

// A file given on the command line wins; otherwise the address from the credential is
// fetched, unless --offline. Failing to fetch is not fatal: the verdict says what is missing.
async function obtain(
  flag: string,
  file: string | undefined,
  url: string | undefined,
  offline: boolean | undefined,
): Promise<Obtained> {
  if (file) return { document: readJson(file), note: "" };
  if (!url) return { document: null, note: "the credential gives no address to fetch it from" };
  if (offline) return { document: null, note: `--offline: not fetching ${url}` };
  try {
    return { document: await fetchJson(url), note: "" };
  } catch (error) {
    return { document: null, note: `${(error as Error).message}; pass the file with ${flag}` };
  }
}

class UsageError extends Error {}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof UsageError ? error.message : `error: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 2;
}
