// Typed errors of the certificate core. The claim flow catches CertificateNameError and
// asks the learner for another name; `messageKey` is a suggested message-catalog key.

export type CertificateNameProblem = "empty" | "too-long" | "unsupported-characters";

/** The name cannot be printed: nothing printable, too long, or letters we have no font for. */
export class CertificateNameError extends Error {
  override name = "CertificateNameError";
  readonly messageKey: string;
  constructor(
    readonly problem: CertificateNameProblem,
    message: string,
    /** The characters that could not be printed (for "unsupported-characters"). */
    readonly characters: readonly string[] = [],
  ) {
    super(message);
    this.messageKey = `certificate.name.${problem}`;
  }
}

/** Bad input from the caller (not the learner): a programming or configuration error. */
export class CertificateInputError extends Error {
  override name = "CertificateInputError";
}
