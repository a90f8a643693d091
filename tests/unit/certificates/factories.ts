// Small factories for certificate tests: a throwaway data directory, an issuer key, a
// credential input, a PDF input. Each test builds what it needs from these.

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CredentialInput } from "../../../src/certificates/credential.js";
import { type IssuerKey, loadOrCreateIssuerKey } from "../../../src/certificates/issuer-key.js";
import type { CertificatePdfInput } from "../../../src/certificates/pdf.js";

export const BASE_URL = "http://localhost:3000";
export const LIST_URL = `${BASE_URL}/certificates/status/1`;

const created: string[] = [];

export function temporaryDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sendero-certificates-"));
  created.push(dir);
  return dir;
}

/** For afterAll: removes every directory temporaryDir() made in this test file. */
export function removeTemporaryDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export async function newIssuerKey(baseUrl = BASE_URL): Promise<IssuerKey> {
  return loadOrCreateIssuerKey(temporaryDir(), baseUrl);
}

export function credentialInput(overrides: Partial<CredentialInput> = {}): CredentialInput {
  return {
    credentialId: `${BASE_URL}/certificates/K7QX-9M2P-4TRB-8HWC.json`,
    issuerName: "Sendero",
    issuerUrl: BASE_URL,
    recipientName: "Éléonore Adébáyọ̀",
    achievement: {
      id: `${BASE_URL}/courses/drug-decriminalisation`,
      name: "Drug decriminalisation",
      description: "An e-course for activists, people who use drugs, health and legal workers.",
      criteria: "Completed every module and passed every quiz.",
      kind: "course",
    },
    validFrom: new Date("2026-03-12T10:00:00Z"),
    status: { listUrl: LIST_URL, index: 1234 },
    ...overrides,
  };
}

export const LABELS = {
  en: {
    heading: "Certificate of completion",
    presentedTo: "This certificate is presented to",
    forCompleting: "for completing the course",
    completedOn: "Completed on",
    issuedBy: "Issued by",
    verifyAt: "Verify at",
    codeLabel: "Certificate code",
  },
  fr: {
    heading: "Certificat de réussite",
    presentedTo: "Ce certificat est décerné à",
    forCompleting: "pour avoir suivi le cours",
    completedOn: "Terminé le",
    issuedBy: "Délivré par",
    verifyAt: "Vérifier sur",
    codeLabel: "Code du certificat",
  },
  ru: {
    heading: "Сертификат об окончании",
    presentedTo: "Настоящий сертификат выдан",
    forCompleting: "за прохождение курса",
    completedOn: "Дата окончания",
    issuedBy: "Выдан",
    verifyAt: "Проверить",
    codeLabel: "Код сертификата",
  },
  ar: {
    heading: "شهادة إتمام",
    presentedTo: "تُمنح هذه الشهادة إلى",
    forCompleting: "لإتمام دورة",
    completedOn: "تاريخ الإتمام",
    issuedBy: "الجهة المانحة",
    verifyAt: "للتحقق",
    codeLabel: "رمز الشهادة",
  },
} as const;

export const CODE = "K7QX-9M2P-4TRB-8HWC-3NZD-6FYA-2JKE";

export function pdfInput(overrides: Partial<CertificatePdfInput> = {}): CertificatePdfInput {
  const language = (overrides.language ?? "en") as keyof typeof LABELS;
  return {
    name: "Éléonore Adébáyọ̀",
    courseTitle: "Drug decriminalisation: an e-course for activists",
    completedOn: new Date("2026-03-12T10:00:00Z"),
    dateText: "12 March 2026",
    issuerName: "Sendero",
    code: CODE,
    verifyUrl: `https://learn.example.org/certificates/${CODE}`,
    language,
    labels: LABELS[language],
    ...overrides,
  };
}

/** Writes the PDF to a temporary file for poppler's tools. */
export function pdfFile(bytes: Uint8Array): string {
  const file = path.join(temporaryDir(), "certificate.pdf");
  fs.writeFileSync(file, bytes);
  return file;
}

export { pdfText } from "../../helpers/pdf.js";

export type Word = { text: string; xMin: number; yMin: number };

/** Words with their positions, in drawing order (so right-to-left words come reversed). */
export function pdfWords(bytes: Uint8Array): Word[] {
  const html = execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", pdfFile(bytes), "-"], { encoding: "utf8" });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((match) => ({
    xMin: Number(match[1]),
    yMin: Number(match[2]),
    text: match[3]!
      .replace(/&amp;/g, "&")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'"),
  }));
}
