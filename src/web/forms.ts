// Forms: zod at the edge, errors as message-catalog keys per field, re-rendered with 422
// next to the fields. Unknown fields are dropped by the schemas (never mass-assigned).
import type { Request, Response } from "express";
import type * as z from "zod";

export type FieldErrors = Record<string, string>;
export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** A service refused the input for a reason tied to fields ("username taken"). */
export class FormError extends Error {
  override name = "FormError";
  constructor(readonly errors: FieldErrors) {
    super(`form errors: ${Object.keys(errors).join(", ")}`);
  }
}

export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.output<S>> {
  const result = schema.safeParse(typeof body === "object" && body !== null ? body : {});
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message.includes(" ") ? "form.invalid" : issue.message;
  }
  return { ok: false, errors };
}

const SECRET_FIELDS = /password|code|token/i;

/** What the person typed, to put back in the form — never passwords or codes. */
export function formValues(body: unknown): Record<string, string | string[]> {
  if (typeof body !== "object" || body === null) return {};
  const isText = (value: unknown) =>
    typeof value === "string" || (Array.isArray(value) && value.every((v) => typeof v === "string"));
  return Object.fromEntries(
    Object.entries(body as Record<string, unknown>).filter(
      ([key, value]) => isText(value) && !SECRET_FIELDS.test(key),
    ) as [string, string | string[]][],
  );
}

/** A local path to return to after a form, or the fallback: never another site. */
export function safeNext(value: unknown, fallback = "/"): string {
  return typeof value === "string" && /^\/(?![/\\])[^\s]*$/.test(value) ? value : fallback;
}

/** The view to re-render on errors and its data (loaded only when needed). */
type FormView = { view: string; data?: Record<string, unknown> | (() => Promise<Record<string, unknown>>) };

/**
 * The whole life of a form POST: parse with zod; on field errors (from the schema or
 * a FormError thrown by the service) re-render the form with 422, the messages next to
 * the fields and what was typed (never secrets). Otherwise `act` responds.
 */
export async function handleForm<S extends z.ZodType>(
  req: Request,
  res: Response,
  schema: S,
  form: FormView,
  act: (input: z.output<S>) => Promise<void> | void,
): Promise<void> {
  const parsed = parseForm(schema, req.body);
  if (!parsed.ok) return renderInvalid(req, res, form, parsed.errors);
  try {
    await act(parsed.data);
  } catch (error) {
    if (error instanceof FormError) return renderInvalid(req, res, form, error.errors);
    throw error;
  }
}

async function renderInvalid(
  req: Request,
  res: Response,
  { view, data }: FormView,
  errors: FieldErrors,
): Promise<void> {
  const loaded = typeof data === "function" ? await data() : data;
  res.status(422).render(view, { ...loaded, errors, values: formValues(req.body) });
}
