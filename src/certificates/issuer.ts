// This instance as an issuer: its Ed25519 key and DID document, and the signed status
// list of revocations — rebuilt only when a revocation changes it.
import type { Db } from "../db/client.js";
import { didDocument, type IssuerKey, loadOrCreateIssuerKey } from "./issuer-key.js";
import { revokedStatusIndexes } from "./queries.js";
import { buildStatusListCredential } from "./status-list.js";

export const STATUS_LIST_PATH = "/certificates/status/revocation";

export class Issuer {
  private statusList: Promise<Record<string, unknown>> | null = null;

  private constructor(
    readonly key: IssuerKey,
    readonly baseUrl: string,
    readonly name: string,
  ) {}

  static async load({
    dataDir,
    baseUrl,
    instanceName,
  }: {
    dataDir: string;
    baseUrl: string;
    instanceName: string;
  }): Promise<Issuer> {
    return new Issuer(await loadOrCreateIssuerKey(dataDir, baseUrl), baseUrl, instanceName);
  }

  get didDocument(): Record<string, unknown> {
    return didDocument(this.key);
  }

  get statusListUrl(): string {
    return `${this.baseUrl}${STATUS_LIST_PATH}`;
  }

  /** The current signed list (cached; a revocation calls `statusListChanged`). */
  currentStatusList(db: Db, now: Date): Promise<Record<string, unknown>> {
    this.statusList ??= revokedStatusIndexes(db).then((revokedIndexes) =>
      buildStatusListCredential({ id: this.statusListUrl, revokedIndexes, validFrom: now }, this.key),
    );
    this.statusList.catch(() => (this.statusList = null));
    return this.statusList;
  }

  statusListChanged(): void {
    this.statusList = null;
  }
}
