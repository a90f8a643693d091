// The revocation form, shared by platform admins and organisation admins: a reason the
// holder and verifiers will see, and an explicit confirmation (revoking cannot be undone).
import * as z from "zod";

export const revokeSchema = z.object({
  reason: z
    .string({ error: "certificate.revoke.reasonRequired" })
    .trim()
    .min(3, "certificate.revoke.reasonRequired")
    .max(500, "certificate.revoke.reasonTooLong"),
  confirm: z.literal("yes", { error: "admin.users.confirmRequired" }),
});
