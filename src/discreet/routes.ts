// POST /discreet — turns discreet mode on or off: on the account of a signed-in person
// (the /account section posts here), else on this device by cookie (the footer's form).
// Returns to the page the form was on, with a confirmation.
import { Router } from "express";
import * as z from "zod";
import { currentUser, secureCookies } from "../auth/middleware.js";
import { updateUserDiscreet } from "../auth/queries.js";
import type { AppDeps } from "../deps.js";
import { badRequest } from "../web/errors.js";
import { safeNext } from "../web/forms.js";
import { withNotice } from "../web/notice.js";
import { rememberDiscreet } from "./mode.js";

const form = z.object({ discreet: z.enum(["on", "off"]), return: z.unknown() });

export function discreetRoutes({ db, env }: Pick<AppDeps, "db" | "env">): Router {
  const router = Router();
  router.post("/discreet", async (req, res) => {
    const parsed = form.safeParse(req.body ?? {});
    if (!parsed.success) throw badRequest("error.discreet.invalid");
    const on = parsed.data.discreet === "on";
    const user = currentUser(res);
    if (user) await updateUserDiscreet(db, user.id, on);
    else rememberDiscreet(res, on, secureCookies(env.baseUrl));
    // Only local paths, so the form cannot send anyone elsewhere.
    res.redirect(303, withNotice(safeNext(parsed.data.return), on ? "discreet-on" : "discreet-off"));
  });
  return router;
}
