// /account/export (one ZIP download) and /account/delete (a confirmation page, then the
// erasure). Mounted by src/account/routes.ts behind its sign-in guard.
import { type Response, Router } from "express";
import { currentUser, secureCookies } from "../auth/middleware.js";
import { findUserById } from "../auth/queries.js";
import { clearSessionCookie } from "../auth/session.js";
import type { AppDeps } from "../deps.js";
import { HttpError } from "../web/errors.js";
import { handleForm } from "../web/forms.js";
import { withNotice } from "../web/notice.js";
import { eraseOwnAccount, erasureBlocker } from "./erase.js";
import { countErasable } from "./erase-queries.js";
import { buildExportArchive, exportFileName } from "./export-archive.js";
import { collectPersonalExport } from "./export-data.js";
import { eraseSchema } from "./schemas.js";

/** res.render to a string: the export's HTML page uses the same templates and catalogs. */
function renderToString(res: Response, view: string, data: object): Promise<string> {
  return new Promise((resolve, reject) =>
    res.render(view, data, (error: Error | null, html: string) => (error ? reject(error) : resolve(html))),
  );
}

export function privacyRoutes(deps: AppDeps): Router {
  const router = Router();
  const userId = (res: Response) => currentUser(res)!.id;

  router.get("/account/export", async (_req, res) => {
    await deps.rateLimiter.takeToken("export", userId(res));
    const data = await collectPersonalExport(deps, userId(res));
    const html = await renderToString(res, "account/export-file", { data: data.document });
    const archive = buildExportArchive(data, html, data.document.exportedAt);
    res.attachment(exportFileName(data.document.exportedAt)).type("application/zip").send(archive);
  });

  const confirmation = async (res: Response) => {
    const user = await findUserById(deps.db, userId(res));
    if (!user) throw new HttpError(410, "privacy.gone");
    return {
      title: res.locals.t("privacy.erase.title"),
      blocker: await erasureBlocker(deps, user),
      counts: await countErasable(deps.db, user.id),
      hasEmail: !!user.email,
      errors: {},
      values: {},
    };
  };

  router.get("/account/delete", async (_req, res) => res.render("account/delete", await confirmation(res)));

  router.post("/account/delete", (req, res) =>
    handleForm(req, res, eraseSchema, { view: "account/delete", data: () => confirmation(res) }, async (input) => {
      await eraseOwnAccount(deps, userId(res), input);
      clearSessionCookie(res, secureCookies(deps.env.baseUrl));
      res.redirect(303, withNotice("/", "account-erased"));
    }),
  );

  return router;
}
