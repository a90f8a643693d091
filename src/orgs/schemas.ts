// Inbound forms and queries of organisations and cohorts. Messages are catalog keys.
import * as z from "zod";
import { optionalEmailField } from "../auth/schemas.js";

export const slugField = (reserved: readonly string[] = []) =>
  z
    .string({ error: "orgs.slug.required" })
    .transform((s) => s.trim().toLowerCase())
    .pipe(
      z
        .string()
        .min(2, "orgs.slug.invalid")
        .max(40, "orgs.slug.invalid")
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "orgs.slug.invalid")
        .refine((s) => !reserved.includes(s), "orgs.slug.reserved"),
    );

const name = z
  .string({ error: "orgs.name.required" })
  .transform((s) => s.normalize("NFC").trim())
  .pipe(z.string().min(2, "orgs.name.required").max(120, "orgs.name.tooLong"));
const description = z
  .string()
  .optional()
  .transform((s) => (s ?? "").trim())
  .pipe(z.string().max(1000, "orgs.description.tooLong"))
  .transform((s) => s || null);

export const createOrgSchema = z.object({ name, slug: slugField(["invite", "new"]), description });
export const updateOrgSchema = z.object({ name, description });

export const inviteStaffSchema = z.object({
  role: z.enum(["admin", "trainer"], { error: "form.invalid" }),
  email: optionalEmailField,
});

const optionalDate = z
  .string()
  .optional()
  .transform((s) => (s ?? "").trim())
  .pipe(z.union([z.literal(""), z.iso.date({ error: "orgs.cohort.dateInvalid" })]))
  .transform((s) => (s ? new Date(`${s}T00:00:00Z`) : null));

const optionalCapacity = z
  .string()
  .optional()
  .transform((s) => (s ?? "").trim())
  .pipe(z.union([z.literal(""), z.string().regex(/^\d{1,6}$/, "orgs.cohort.capacityInvalid")]))
  .transform((s) => (s ? Number(s) : null))
  .refine((n) => n === null || n >= 1, "orgs.cohort.capacityInvalid");

const trainerIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set(([] as string[]).concat(v ?? []).filter(Boolean))]);

export const cohortSchema = z.object({
  name,
  slug: slugField(),
  courseId: z.string({ error: "orgs.cohort.courseUnknown" }).min(1, "orgs.cohort.courseUnknown"),
  startsOn: optionalDate,
  endsOn: optionalDate,
  capacity: optionalCapacity,
  trainerIds,
});

export const updateCohortSchema = cohortSchema.omit({ slug: true, courseId: true });

export const inviteLinkSchema = z.object({
  days: z.coerce
    .number({ error: "orgs.invite.daysInvalid" })
    .int("orgs.invite.daysInvalid")
    .min(1, "orgs.invite.daysInvalid")
    .max(365, "orgs.invite.daysInvalid"),
  maxUses: z
    .string()
    .optional()
    .transform((s) => (s ?? "").trim())
    .pipe(z.union([z.literal(""), z.string().regex(/^\d{1,6}$/, "orgs.invite.usesInvalid")]))
    .transform((s) => (s ? Number(s) : null))
    .refine((n) => n === null || n >= 1, "orgs.invite.usesInvalid"),
});

export const joinCodeSchema = z.object({
  code: z
    .string({ error: "orgs.join.codeRequired" })
    .trim()
    .min(1, "orgs.join.codeRequired")
    .max(20, "orgs.join.codeUnknown"),
});

export const dashboardQuerySchema = z.object({
  q: z.string().max(100).catch(""),
  filter: z.enum(["all", "complete", "in-progress", "not-started", "inactive"]).catch("all"),
  sort: z.enum(["name", "progress", "activity"]).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** The counts shown after a CSV import (carried in the redirect; only numbers get through). */
export const importResultSchema = z.object({
  notice: z.literal("import-done"),
  enrolled: z.coerce.number().int().min(0).max(100_000),
  pending: z.coerce.number().int().min(0).max(100_000),
});
