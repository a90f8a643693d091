// Course pages: catalog, course, module, lesson, quiz and exercise previews, glossary,
// resources and course assets. Handlers only look things up in the catalog and render.
import path from "node:path";
import { type Request, type Response, Router } from "express";
import { currentUser } from "../auth/middleware.js";
import type { AppDeps } from "../deps.js";
import { learnerStanding, loadProgress, visitLesson } from "../learning/service.js";
import { notFound } from "../web/errors.js";
import { shareable } from "../web/page-cache.js";
import type { Catalog, Course, Module } from "./catalog.js";
import { mayPreviewDrafts } from "./draft-preview.js";
import { stillInsideCourse } from "./loader/course-files.js";
import { RESERVED_LESSON_IDS, RESERVED_MODULE_IDS } from "./schemas.js";
import { courseIn, learnerLanguage, localizeCourse } from "./translations/content-language.js";
import { courseCrumbs, moduleCrumbs } from "./view-models.js";

export function courseRoutes(deps: AppDeps): Router {
  const { catalog } = deps;
  const router = Router();
  /** Published items for everyone; drafts only for those who may preview them (else 404). */
  const visible = async <T extends { status: string }>(item: T | undefined, res: Response): Promise<T> => {
    if (!item || (item.status !== "published" && !(await mayPreviewDrafts(deps.db, currentUser(res)))))
      throw notFound();
    return item;
  };
  /** The course in the learner's language (same ids as the source, so progress is shared). */
  const findCourse = async (req: Request, res: Response): Promise<Course> =>
    localizeCourse(req, res, await visible(catalog.current.courseById.get(String(req.params.courseId)), res));
  const findModule = async (req: Request, res: Response): Promise<{ course: Course; module: Module }> => {
    const course = await findCourse(req, res);
    return { course, module: await visible(course.moduleById.get(String(req.params.moduleId)), res) };
  };

  router.get("/", async (req, res) => {
    const preview = await mayPreviewDrafts(deps.db, currentUser(res));
    const courses = catalog.current.courses
      .filter((c) => c.status === "published" || preview)
      .map((c) => courseIn(c, learnerLanguage(req, res, c)));
    shareable(res);
    res.render("courses/catalog", { title: res.locals.t("catalog.title"), courses });
  });

  router.get("/courses/:courseId", async (req, res) => {
    const course = await findCourse(req, res);
    const user = currentUser(res);
    const [standing, preview] = user
      ? await Promise.all([learnerStanding(deps, user.id, course), mayPreviewDrafts(deps.db, user)])
      : [{ progress: null, enrolled: false, next: null }, false];
    const modules = course.modules.filter((m) => m.status === "published" || preview);
    shareable(res);
    res.render("courses/course", {
      title: course.title,
      discreetTitle: res.locals.t("discreet.course"),
      course,
      modules,
      ...standing,
      crumbs: courseCrumbs(res, course, true),
    });
  });

  router.get("/courses/:courseId/glossary", async (req, res) => {
    const course = await findCourse(req, res);
    if (course.glossary.length === 0) throw notFound();
    shareable(res);
    res.render("courses/glossary", {
      title: res.locals.t("glossary.title"),
      course,
      crumbs: courseCrumbs(res, course),
    });
  });

  router.get("/courses/:courseId/resources/:resourceId", async (req, res) => {
    const course = await findCourse(req, res);
    const resource = course.resourceById.get(String(req.params.resourceId));
    if (!resource) throw notFound();
    if (resource.kind === "file") return res.redirect(303, resource.url);
    shareable(res);
    res.render("courses/resource", {
      title: resource.title,
      discreetTitle: res.locals.t("discreet.resource"),
      course,
      resource,
      crumbs: courseCrumbs(res, course),
    });
  });

  router.get("/courses/:courseId/assets/*file", (req, res) => sendAsset(catalog.current, req, res));

  // Registered before the feature routers (most traffic lands here); the platform's own
  // pages under a module or course (quiz, exercise, survey…) use reserved ids and fall through.
  router.get("/courses/:courseId/:moduleId", async (req, res, next) => {
    if (RESERVED_MODULE_IDS.includes(String(req.params.moduleId))) return next();
    const { course, module } = await findModule(req, res);
    const user = currentUser(res);
    const progress =
      user && module.status === "published"
        ? ((await loadProgress(deps, user.id, course)).byModule.get(module.id) ?? null)
        : null;
    shareable(res);
    res.render("courses/module", {
      title: module.title,
      discreetTitle: res.locals.t("discreet.module", { number: module.position }),
      course,
      module,
      progress,
      crumbs: moduleCrumbs(res, course, module, true),
    });
  });

  router.get("/courses/:courseId/:moduleId/:lessonId", async (req, res, next) => {
    if (
      RESERVED_LESSON_IDS.includes(String(req.params.lessonId)) ||
      RESERVED_MODULE_IDS.includes(String(req.params.moduleId))
    )
      return next();
    const { course, module } = await findModule(req, res);
    const lesson = module.lessonById.get(String(req.params.lessonId));
    if (!lesson) throw notFound();
    const user = currentUser(res);
    // The hottest page: the lessons done and "continue where you left off", in one go.
    // A draft being previewed records nothing: it is not part of anyone's progress.
    const doneIds =
      user && module.status === "published" && course.status === "published"
        ? await visitLesson(deps, user.id, lesson)
        : null;
    const showToc = lesson.toc.filter((h) => h.level === 2).length >= 3;
    shareable(res);
    res.render("courses/lesson", {
      title: lesson.title,
      discreetTitle: res.locals.t("discreet.lesson", { number: lesson.position }),
      course,
      module,
      lesson,
      showToc,
      doneIds,
      crumbs: [
        ...moduleCrumbs(res, course, module),
        { url: lesson.url, label: lesson.title, current: true, lang: course.language },
      ],
    });
  });

  return router;
}

const SANDBOXED = new Set([".svg"]);

/**
 * Serves only files the catalog registered, and only while they still resolve inside their
 * course folder (a symbolic link swapped in after loading must not publish /etc/passwd).
 * Versioned URLs are cached for a year.
 */
function sendAsset(catalog: Catalog, req: Request, res: Response): void {
  const file = catalog.assets.get(req.path);
  const course = catalog.courseById.get(String(req.params.courseId));
  if (!file || !course || !stillInsideCourse(file, course.dir)) throw notFound();
  // An SVG opened on its own must not run script from our origin.
  if (SANDBOXED.has(path.extname(file).toLowerCase()))
    res.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
  const versioned = typeof req.query.v === "string";
  res.sendFile(file, { maxAge: versioned ? "365d" : "1h", immutable: versioned, dotfiles: "deny" });
}
