import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueCredential } from "../../../src/certificates/credential.js";
import { didDocument, type IssuerKey } from "../../../src/certificates/issuer-key.js";
import { buildStatusListCredential } from "../../../src/certificates/status-list.js";
import { credentialInput, LIST_URL, newIssuerKey, removeTemporaryDirs, temporaryDir } from "./factories.js";

afterAll(removeTemporaryDirs);

const run = promisify(execFile);
const TSX = path.resolve("node_modules/.bin/tsx");
const CLI = path.resolve("src/certificates/verify-cli.ts");

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], { timeout: 120_000 });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

let dir: string;
let key: IssuerKey;
const file = (name: string, value: unknown) => {
  const target = path.join(dir, name);
  fs.writeFileSync(target, JSON.stringify(value));
  return target;
};

beforeAll(async () => {
  dir = temporaryDir();
  key = await newIssuerKey();
  const credential = await issueCredential(credentialInput(), key);
  file("credential.json", credential);
  file("did.json", didDocument(key));
  const validFrom = new Date("2026-03-01T00:00:00Z");
  file("status.json", await buildStatusListCredential({ id: LIST_URL, revokedIndexes: [], validFrom }, key));
  file("revoked.json", await buildStatusListCredential({ id: LIST_URL, revokedIndexes: [1234], validFrom }, key));
  const tampered = structuredClone(credential) as { credentialSubject: { achievement: { name: string } } };
  tampered.credentialSubject.achievement.name = "Advanced drug policy";
  file("tampered.json", tampered);
});

describe("npm run verify-credential", () => {
  it("accepts a genuine, unrevoked certificate with a one-line summary", { timeout: 120_000 }, async () => {
    const { code, out } = await cli(
      path.join(dir, "credential.json"),
      "--did-document",
      path.join(dir, "did.json"),
      "--status-list",
      path.join(dir, "status.json"),
    );
    expect(code).toBe(0);
    expect(out.trim()).toBe(
      `VALID: "Drug decriminalisation" issued by Sendero (${key.did}) to ${"Éléonore Adébáyọ̀".normalize("NFC")}, valid from 2026-03-12T10:00:00Z; not revoked.`,
    );
  });

  it("rejects an altered certificate and a revoked one, saying why", { timeout: 120_000 }, async () => {
    const altered = await cli(
      path.join(dir, "tampered.json"),
      "--did-document",
      path.join(dir, "did.json"),
      "--status-list",
      path.join(dir, "status.json"),
    );
    expect(altered.code).toBe(1);
    expect(altered.out).toMatch(/^NOT VALID \(signature\): .*altered/);
    const revoked = await cli(
      path.join(dir, "credential.json"),
      "--did-document",
      path.join(dir, "did.json"),
      "--status-list",
      path.join(dir, "revoked.json"),
    );
    expect(revoked.code).toBe(1);
    expect(revoked.out).toMatch(/^NOT VALID \(revoked\): Sendero has revoked this certificate\./);
  });

  it("says clearly what it could not check when offline", { timeout: 120_000 }, async () => {
    const noStatus = await cli(
      path.join(dir, "credential.json"),
      "--did-document",
      path.join(dir, "did.json"),
      "--offline",
    );
    expect(noStatus.code).toBe(3);
    expect(noStatus.out).toMatch(
      /^VALID, BUT REVOCATION NOT CHECKED: .*--offline: not fetching http:\/\/localhost:3000\/certificates\/status\/1/,
    );
    const noDid = await cli(path.join(dir, "credential.json"), "--offline");
    expect(noDid.code).toBe(1);
    expect(noDid.out).toMatch(
      /^NOT VALID \(issuer-key\): .*could not be obtained.*--offline: not fetching http:\/\/localhost:3000\/\.well-known\/did\.json/,
    );
    expect((await cli()).code).toBe(2);
    expect((await cli(path.join(dir, "missing.json"))).out).toMatch(/cannot read/);
  });

  it("fetches the DID document and status list from the issuer's addresses", { timeout: 120_000 }, async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://localhost:${(server.address() as AddressInfo).port}`;
    try {
      const issuer = await newIssuerKey(base);
      const listUrl = `${base}/certificates/status/1`;
      const documents: Record<string, unknown> = {
        "/.well-known/did.json": didDocument(issuer),
        "/certificates/status/1": await buildStatusListCredential(
          { id: listUrl, revokedIndexes: [], validFrom: new Date("2026-03-01T00:00:00Z") },
          issuer,
        ),
      };
      server.on("request", (request, response) => {
        const body = documents[request.url ?? ""];
        response.writeHead(body ? 200 : 404, { "content-type": "application/json" }).end(JSON.stringify(body ?? {}));
      });
      const credential = await issueCredential(credentialInput({ status: { listUrl, index: 7 } }), issuer);
      const { code, out } = await cli(file("remote.json", credential));
      expect(out).toMatch(/^VALID: .*not revoked\./);
      expect(code).toBe(0);
    } finally {
      server.close();
    }
    // The server is gone: the DID document cannot be fetched and the verdict says so.
    const { code, out } = await cli(path.join(dir, "remote.json"));
    expect(code).toBe(1);
    expect(out).toMatch(/could not fetch http:\/\/localhost:\d+\/\.well-known\/did\.json/);
  });
});
