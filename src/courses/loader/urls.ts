// Every public URL of course content, defined once.
export const courseUrl = (courseId: string) => `/courses/${courseId}`;
export const moduleUrl = (courseId: string, moduleId: string) => `${courseUrl(courseId)}/${moduleId}`;
export const lessonUrl = (courseId: string, moduleId: string, lessonId: string) =>
  `${moduleUrl(courseId, moduleId)}/${lessonId}`;
export const quizUrl = (courseId: string, moduleId: string) => `${moduleUrl(courseId, moduleId)}/quiz`;
export const exerciseUrl = (courseId: string, moduleId: string) => `${moduleUrl(courseId, moduleId)}/exercise`;
export const moduleSurveyUrl = (courseId: string, moduleId: string) => `${moduleUrl(courseId, moduleId)}/survey`;
export const courseSurveyUrl = (courseId: string) => `${courseUrl(courseId)}/survey`;
export const glossaryUrl = (courseId: string) => `${courseUrl(courseId)}/glossary`;
export const resourceUrl = (courseId: string, resourceId: string) => `${courseUrl(courseId)}/resources/${resourceId}`;
export const assetPath = (courseId: string, relativePath: string) =>
  `${courseUrl(courseId)}/assets/${relativePath.split("/").map(encodeURIComponent).join("/")}`;
