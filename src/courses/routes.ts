// Course pages: catalog, course, module, lesson, quiz and exercise previews, glossary,
// resources and course assets. Handlers only look things up in the catalog and render.
import path from "node:path";
import { Router, type Request, type Response } from "express";
import type { AppDeps } from "../deps.js";
import { notFound } from "../web/errors.js";
import type { Catalog, Course, Module } from "./catalog.js";
import { RESERVED_LESSON_IDS, RESERVED_MODULE_IDS } from "./schemas.js";
import { courseCrumbs, moduleCrumbs } from "./view-models.js";
import { currentUser } from "../auth/middleware.js";
import { isEnrolled, loadProgress, visitLesson } from "../learning/service.js";

/** Draft courses and modules stay hidden until trainer preview exists (organisations issue). */
const published = <T extends { status: string }>(item: T | undefined): T | undefined => (item?.status === "published" ? item : undefined);

export function courseRoutes(deps: AppDeps): Router {
  const { catalog } = deps;
  const router = Router();
  const findCourse = (req: Request): Course => {
    const course = published(catalog.current.courseById.get(String(req.params.courseId)));
    if (!course) throw notFound();
    return course;
  };
  const findModule = (req: Request): { course: Course; module: Module } => {
    const course = findCourse(req);
    const module = published(course.moduleById.get(String(req.params.moduleId)));
    if (!module) throw notFound();
    return { course, module };
  };

  router.get("/", (_req, res) => {
    const courses = catalog.current.courses.filter((c) => c.status === "published");
    res.render("courses/catalog", { title: res.locals.t("catalog.title"), courses });
  });

  router.get("/courses/:courseId", async (req, res) => {
    const course = findCourse(req);
    const user = currentUser(res);
    const [progress, enrolled] = user ? await Promise.all([loadProgress(deps, user.id, course), isEnrolled(deps, user.id, course.id)]) : [null, false];
    res.render("courses/course", { title: course.title, course, modules: visibleModules(course), progress, enrolled, crumbs: courseCrumbs(res, course, true) });
  });

  router.get("/courses/:courseId/glossary", (req, res) => {
    const course = findCourse(req);
    if (course.glossary.length === 0) throw notFound();
    res.render("courses/glossary", { title: res.locals.t("glossary.title"), course, crumbs: courseCrumbs(res, course) });
  });

  router.get("/courses/:courseId/resources/:resourceId", (req, res) => {
    const course = findCourse(req);
    const resource = course.resourceById.get(String(req.params.resourceId));
    if (!resource) throw notFound();
    if (resource.kind === "file") return res.redirect(303, resource.url);
    res.render("courses/resource", { title: resource.title, course, resource, crumbs: courseCrumbs(res, course) });
  });

  router.get("/courses/:courseId/assets/*file", (req, res) => sendAsset(catalog.current, req, res));

  // Registered before the feature routers (most traffic lands here); the platform's own
  // pages under a module or course (quiz, exercise, survey…) use reserved ids and fall through.
  router.get("/courses/:courseId/:moduleId", async (req, res, next) => {
    if (RESERVED_MODULE_IDS.includes(String(req.params.moduleId))) return next();
    const { course, module } = findModule(req);
    const user = currentUser(res);
    const progress = user ? (await loadProgress(deps, user.id, course)).byModule.get(module.id) ?? null : null;
    res.render("courses/module", { title: module.title, course, module, progress, crumbs: moduleCrumbs(res, course, module, true) });
  });

  router.get("/courses/:courseId/:moduleId/:lessonId", async (req, res, next) => {
    if (RESERVED_LESSON_IDS.includes(String(req.params.lessonId)) || RESERVED_MODULE_IDS.includes(String(req.params.moduleId))) return next();
    const { course, module } = findModule(req);
    const lesson = module.lessonById.get(String(req.params.lessonId));
    if (!lesson) throw notFound();
    const user = currentUser(res);
    // The hottest page: the lessons done and "continue where you left off", in one go.
    const doneIds = user ? await visitLesson(deps, user.id, lesson) : null;
    const showToc = lesson.toc.filter((h) => h.level === 2).length >= 3;
    res.render("courses/lesson", {
      title: lesson.title,
      course,
      module,
      lesson,
      showToc,
      doneIds,
      crumbs: [...moduleCrumbs(res, course, module), { url: lesson.url, label: lesson.title, current: true }],
    });
  });

  return router;
}

function visibleModules(course: Course): readonly Module[] {
  return course.modules.filter((m) => m.status === "published");
}

const SANDBOXED = new Set([".svg"]);

/** Serves only files the catalog registered; versioned URLs are cached for a year. */
function sendAsset(catalog: Catalog, req: Request, res: Response): void {
  const file = catalog.assets.get(req.path);
  if (!file) throw notFound();
  // An SVG opened on its own must not run script from our origin.
  if (SANDBOXED.has(path.extname(file).toLowerCase())) res.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  const versioned = typeof req.query.v === "string";
  res.sendFile(file, { maxAge: versioned ? "365d" : "1h", immutable: versioned, dotfiles: "deny" });
}
