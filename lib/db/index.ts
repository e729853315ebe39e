// lib/db: Ronten's storage (Kysely over SQLite by default, PostgreSQL by DATABASE_URL).
//
// Everything here is server-side (route handlers, server components, the CLI); it is not
// marked 'server-only' because the CLI and vitest import it outside React's server graph.
// Repository functions take a Db first and exchange plain camelCase data: no Kysely types
// leave this folder, so pages can pass results straight on as props.

export {
  openDb,
  closeAllDbs,
  migrateToLatest,
  resolveDatabaseUrl,
  describeDatabaseUrl,
  DEFAULT_SQLITE_PATH,
  type Db,
  type Dialect,
  type DatabaseTarget,
} from './connect';
export {
  DbError,
  DatabaseBusyError,
  DuplicateIdError,
  NotFoundError,
  InvalidDataError,
  StaleVersionError,
  OperationRejectedError,
  MapLockedError,
  SessionEndedError,
  BatchReusedError,
  GradingRefusal,
  constraintViolation,
  type ConstraintKind,
} from './errors';
export {
  createDocument,
  insertDocument,
  getDocument,
  getDocumentText,
  getDocumentInfo,
  getDocumentWire,
  documentExists,
  deleteDocument,
  type CreateDocumentInput,
  type InsertDocumentInput,
  type DocumentSummary,
  type StoredDocument,
  type StoredDocumentText,
  type DocumentInfo,
  type DocumentWireRow,
} from './documents';
export { listDocuments, documentVisibleTo, setDocumentPublic, type DocumentViewer } from './documentAccess';
export { ensureLocalUser, getUser, LOCAL_USER_ID, type User, type UserRole } from './users';
export {
  getLabelScheme,
  labelSchemeOwner,
  createLabelScheme,
  listLabelSchemes,
  schemeForUserDocument,
  SchemeNameTakenError,
  DEFAULT_LABEL_SCHEME_ID,
  type Label,
  type LabelScheme,
  type LabelSchemeSummary,
} from './label-schemes';
export {
  getOrCreateMap,
  getMap,
  replaceMapContents,
  type StoredMap,
  type StoredUnit,
  type StoredRelation,
  type RelationType,
  type MapContents,
} from './maps';
export { applyOperations, documentContext, mapOwner, type AppliedOperations } from './operations';
export { loadAnnotatedMap, loadMapComments, toAnnotatedMap } from './annotatedMap';
export { loadClassExport, type ClassExport, type ClassExportMap } from './classExport';
export { addComment, listComments, getComment, deleteComment, type NewComment } from './comments';
export {
  importMap,
  findMap,
  findUser,
  listMapsOfDocument,
  listMapsOfUser,
  mapLabelSchemeId,
  mapHeader,
  type ImportMapInput,
  type MapHeader,
  type DocumentMapSummary,
  type UserMapSummary,
} from './imports';
export {
  insertAccount,
  findCredentials,
  listAccounts,
  changeAccountRole,
  passwordHashOf,
  replacePassword,
  type AccountRole,
  type NewAccount,
  type RoleChange,
} from './accounts';
export { insertSession, findLiveSession, touchSession, deleteSession, deleteExpiredSessions, type StoredSession } from './sessions';
export { recordLoginAttempts, loginAttemptTimes, deleteLoginAttempts, pruneLoginAttempts } from './login-attempts';
export {
  createCourse,
  getCourse,
  joinCourse,
  findCourseByJoinCode,
  listCoursesOf,
  courseRole,
  listMembers,
  createAssignment,
  updateAssignment,
  documentAssignmentScheme,
  listAssignments,
  getAssignment,
  teachesStudentOnDocument,
  referenceCoursesOf,
  assignmentsReviewing,
  submitMap,
  unlockMap,
  courseDashboard,
  assertCourseActive,
  CourseArchivedError,
  newJoinCode,
  normalizeJoinCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  type Course,
  type CourseWithRole,
  type CourseRole,
  type CourseMember,
  type Assignment,
  type NewAssignment,
  type AssignmentChanges,
  type DashboardRow,
} from './courses';
export { loadAssignmentMaps, type AssignmentMaps, type StudentMap, type ReferenceMap, type ReviewMap } from './assignmentMaps';
export { getSignUpMode, setSignUpMode, isSignUpMode, SIGN_UP_MODES, DEFAULT_SIGN_UP_MODE, type SignUpMode } from './settings';
export {
  setCourseArchived,
  regenerateJoinCode,
  setJoinEnabled,
  removeMember,
  addInstructor,
  takenNames,
  createRosterAccounts,
  reissueOneTimePassword,
  MemberChangeError,
  NamesTakenError,
  type RosterAccount,
} from './courseAdmin';
export {
  notify,
  notificationPath,
  unreadCount,
  listNotifications,
  markNotificationsRead,
  NOTIFICATION_KINDS,
  type Notification,
  type NotificationEvent,
  type NotificationKind,
} from './notifications';
export { archivedCourseOfMap, assertOpenForEdits } from './editLock';
export { studentOverview, type StudentAssignment, type StudentCourse } from './studentHome';
export {
  getLatePolicy,
  setLatePolicy,
  setExtension,
  listExtensions,
  studentDue,
  studentAssignmentsOnDocument,
  deadlineFor,
  currentRubric,
  rubricVersions,
  saveRubric,
  submitAssignment,
  getGrade,
  listGrades,
  returnedGradesOfMap,
  returnedGradesOfUser,
  saveGrade,
  returnForRevision,
  type Grade,
  type GradeInput,
} from './grading';
