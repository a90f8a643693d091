// Inbound forms of the accounts feature. Messages are message-catalog keys.
import * as z from "zod";
import { SUPPORTED_LOCALES } from "../i18n/i18n.js";
import { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength } from "./passwords.js";

const text = (requiredKey: string) => z.string({ error: requiredKey }).transform((s) => s.normalize("NFC").trim());

export const usernameField = z
  .string({ error: "form.username.required" })
  .transform((s) => s.trim().toLowerCase())
  .pipe(
    z
      .string()
      .min(1, "form.username.required")
      .min(3, "form.username.tooShort")
      .max(32, "form.username.tooLong")
      .regex(/^[a-z0-9][a-z0-9._-]*$/, "form.username.invalid"),
  );

export const displayNameField = text("form.displayName.required").pipe(
  z.string().min(1, "form.displayName.required").max(80, "form.displayName.tooLong"),
);

const emailValue = z.string().max(254, "form.email.invalid").pipe(z.email("form.email.invalid"));

export const optionalEmailField = z
  .string()
  .optional()
  .transform((s) => (s ?? "").trim().toLowerCase())
  .pipe(z.union([z.literal(""), emailValue], { error: "form.email.invalid" }))
  .transform((s) => s || null);

export const requiredEmailField = z
  .string({ error: "form.email.required" })
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.string().min(1, "form.email.required").pipe(emailValue));

export const newPasswordField = z
  .string({ error: "form.password.required" })
  .refine((p) => p.length > 0, "form.password.required")
  .refine((p) => passwordLength(p) >= PASSWORD_MIN_LENGTH, "form.password.tooShort")
  .refine((p) => passwordLength(p) <= PASSWORD_MAX_LENGTH, "form.password.tooLong")
  .refine((p) => !isCommonPassword(p), "form.password.common");

const currentPasswordField = z
  .string({ error: "form.currentPassword.required" })
  .min(1, "form.currentPassword.required")
  .max(1024, "form.invalid");

const next = z.string().optional();

export const registerSchema = z
  .object({
    displayName: displayNameField,
    username: usernameField,
    email: optionalEmailField,
    password: newPasswordField,
    next,
  })
  .refine((f) => f.password.toLowerCase() !== f.username, {
    path: ["password"],
    message: "form.password.likeUsername",
  });

export const loginSchema = z.object({
  identifier: z
    .string({ error: "form.identifier.required" })
    .trim()
    .min(1, "form.identifier.required")
    .max(254, "form.invalid"),
  password: currentPasswordField.transform((p) => p),
  next,
});

export const forgotSchema = z.object({
  identifier: z
    .string({ error: "form.identifier.required" })
    .trim()
    .min(1, "form.identifier.required")
    .max(254, "form.invalid"),
});

export const resetSchema = z.object({ password: newPasswordField });

export const recoverSchema = z.object({
  identifier: z
    .string({ error: "form.identifier.required" })
    .trim()
    .min(1, "form.identifier.required")
    .max(254, "form.invalid"),
  code: z
    .string({ error: "form.recoveryCode.required" })
    .trim()
    .min(1, "form.recoveryCode.required")
    .max(64, "form.recoveryCode.wrong"),
  password: newPasswordField,
});

export const profileSchema = z.object({
  displayName: displayNameField,
  certificateName: z
    .string()
    .optional()
    .transform((s) => (s ?? "").normalize("NFC").trim())
    .pipe(z.string().max(200, "form.certificateName.tooLong"))
    .transform((s) => s || null),
  locale: z
    .string()
    .optional()
    .transform((s) => s ?? "")
    .pipe(
      z.union([z.literal(""), z.enum(SUPPORTED_LOCALES as [string, ...string[]])], { error: "form.locale.invalid" }),
    )
    .transform((s) => s || null),
});

export const changeEmailSchema = z.object({ email: requiredEmailField, currentPassword: currentPasswordField });
export const confirmPasswordSchema = z.object({ currentPassword: currentPasswordField });
export const changePasswordSchema = z.object({ currentPassword: currentPasswordField, newPassword: newPasswordField });
