// /admin: the platform admin's view of people (organisations join when they exist).
import { type Response, Router } from "express";
import * as z from "zod";
import { currentUser, requireCan } from "../auth/middleware.js";
import type { AppDeps } from "../deps.js";
import { handleForm } from "../web/forms.js";
import { withNotice } from "../web/notice.js";
import { disableUser, enableUser, getUser, listUsers, setRole } from "./service.js";

const listQuery = z.object({
  q: z.string().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
const disableForm = z.object({ confirm: z.literal("yes", { error: "admin.users.confirmRequired" }) });
const roleForm = z.object({ role: z.enum(["learner", "trainer", "admin"], { error: "form.invalid" }) });

export function adminRoutes(deps: AppDeps): Router {
  const router = Router();
  router.use("/admin", requireCan("admin:access"));
  const adminId = (res: Response) => currentUser(res)!.id;
  const userPage = async (res: Response, id: string) => ({
    title: res.locals.t("admin.user.title"),
    subject: await getUser(deps, id),
    errors: {},
    values: {},
  });

  router.get("/admin", async (req, res) => {
    const { q, page } = listQuery.parse(req.query);
    res.render("admin/index", { title: res.locals.t("admin.title"), q, ...(await listUsers(deps, q, page)) });
  });

  router.get("/admin/users/:id", async (req, res) =>
    res.render("admin/user", await userPage(res, String(req.params.id))),
  );

  router.post("/admin/users/:id/disable", (req, res) =>
    handleForm(
      req,
      res,
      disableForm,
      { view: "admin/user", data: () => userPage(res, String(req.params.id)) },
      async () => {
        await disableUser(deps, adminId(res), String(req.params.id));
        res.redirect(303, withNotice(`/admin/users/${req.params.id}`, "user-disabled"));
      },
    ),
  );

  router.post("/admin/users/:id/enable", async (req, res) => {
    await enableUser(deps, String(req.params.id));
    res.redirect(303, withNotice(`/admin/users/${req.params.id}`, "user-enabled"));
  });

  router.post("/admin/users/:id/role", (req, res) =>
    handleForm(
      req,
      res,
      roleForm,
      { view: "admin/user", data: () => userPage(res, String(req.params.id)) },
      async (input) => {
        await setRole(deps, adminId(res), String(req.params.id), input.role);
        res.redirect(303, withNotice(`/admin/users/${req.params.id}`, "role-saved"));
      },
    ),
  );

  return router;
}
