// The erase form: the current password, or one recovery code for those who use codes.
// Messages are catalog keys (src/web/forms.ts).
import * as z from "zod";

const optionalText = (max: number) =>
  z
    .string()
    .max(max, { error: "form.invalid" })
    .optional()
    .transform((value) => (value?.trim() ? value : undefined));

export const eraseSchema = z
  .object({ currentPassword: optionalText(1000), recoveryCode: optionalText(100) })
  .refine((form) => form.currentPassword || form.recoveryCode, {
    error: "privacy.erase.proofRequired",
    path: ["currentPassword"],
  });
