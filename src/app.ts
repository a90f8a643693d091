// createApp(deps) → the Express app. It never listens: server.ts does, and tests call
// it directly with a fresh database.
import express from "express";
import { accountRoutes } from "./account/routes.js";
import { adminCertificateRoutes } from "./admin/certificate-routes.js";
import { adminRoutes } from "./admin/routes.js";
import { sessionMiddleware } from "./auth/middleware.js";
import { authRoutes } from "./auth/routes.js";
import { certificateRoutes } from "./certificates/routes.js";
import { verifyRoutes } from "./certificates/verify-routes.js";
import { courseRoutes } from "./courses/routes.js";
import { courseLanguageRoutes } from "./courses/translations/language-routes.js";
import type { AppDeps } from "./deps.js";
import { discreetMode } from "./discreet/mode.js";
import { discreetRoutes } from "./discreet/routes.js";
import { healthRoutes } from "./health/routes.js";
import { learningRoutes } from "./learning/routes.js";
import { orgCertificateRoutes } from "./orgs/certificate-routes.js";
import { cohortRoutes } from "./orgs/cohort-routes.js";
import { joinRoutes } from "./orgs/join-routes.js";
import { orgRoutes } from "./orgs/org-routes.js";
import { quizRoutes } from "./quiz/routes.js";
import { surveyRoutes } from "./surveys/routes.js";
import { compressWhenAccepted } from "./web/compress.js";
import { sameOriginOnly } from "./web/csrf.js";
import { errorHandler, notFoundHandler } from "./web/error-handler.js";
import { etagForCacheablePages } from "./web/etag.js";
import { languageRoutes } from "./web/language-routes.js";
import { localeMiddleware } from "./web/locale.js";
import { noticeMiddleware } from "./web/notice.js";
import { anonymousPageCache } from "./web/page-cache.js";
import { requestContext } from "./web/request-context.js";
import { securityHeaders } from "./web/security-headers.js";
import { staticRoutes } from "./web/static-assets.js";
import { setAppLocals, viewLocals } from "./web/view-locals.js";
import { createViewEngine, useViews } from "./web/views.js";

export function createApp(deps: AppDeps): express.Express {
  const { env, log } = deps;
  const dev = env.nodeEnv === "development";
  const https = env.baseUrl.startsWith("https:");
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.trustProxy);
  app.set("query parser", "simple");
  useViews(app, createViewEngine({ cache: !dev }));
  // Express only caches view lookups when process.env.NODE_ENV is "production"; our Env decides.
  app.set("view cache", !dev);
  setAppLocals(app, { instanceName: env.instanceName, quickExitUrl: env.quickExitUrl });
  // Our own ETags, on anonymous pages only (src/web/etag.ts); static files have their own.
  app.set("etag", false);

  app.use(requestContext(log, { logRequests: env.logLevel === "debug" || env.logLevel === "info" }));
  app.use(securityHeaders({ https }));
  app.use(compressWhenAccepted());
  app.use(staticRoutes({ cacheHashes: !dev }));
  app.use(sameOriginOnly(env.baseUrl));
  app.use(express.urlencoded({ extended: false, limit: "100kb", parameterLimit: 500 }));
  // Express 5 leaves req.body undefined without a form body (none, or another type):
  // routes then read an empty form and answer 422, never a TypeError and a 500.
  app.use((req, _res, next) => {
    req.body ??= {};
    next();
  });
  app.use(sessionMiddleware(deps));
  app.use(etagForCacheablePages);
  app.use(localeMiddleware());
  app.use(discreetMode());
  app.use(noticeMiddleware);
  app.use(viewLocals({ catalog: deps.catalog }));
  app.use(anonymousPageCache(deps.catalog, { enabled: !dev }));

  app.use(healthRoutes(deps));
  // Course pages first: they are most of the traffic (reserved ids fall through below).
  app.use(courseRoutes(deps));
  app.use(learningRoutes(deps));
  app.use(quizRoutes(deps));
  app.use(surveyRoutes(deps));
  app.use(certificateRoutes(deps));
  app.use(verifyRoutes(deps));
  app.use(authRoutes(deps));
  app.use(accountRoutes(deps));
  app.use(adminRoutes(deps));
  app.use(adminCertificateRoutes(deps));
  app.use(orgRoutes(deps));
  app.use(cohortRoutes(deps));
  app.use(orgCertificateRoutes(deps));
  app.use(joinRoutes(deps));
  app.use(languageRoutes({ secureCookies: https }));
  app.use(courseLanguageRoutes(deps, { secureCookies: https }));
  app.use(discreetRoutes(deps));

  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}
