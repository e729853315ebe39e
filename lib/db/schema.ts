// Row types of the database, as Kysely sees them (snake_case, as stored).
//
// These types describe the *latest* migration. They are the one place where column names
// appear as TypeScript; the repository modules map them to camelCase plain data and nothing
// outside lib/db should import them. Portability rules, so that one migration history serves
// SQLite and PostgreSQL alike: ids are text, timestamps are ISO-8601 text (UTC, with
// milliseconds, so they sort lexicographically), JSON is text, numbers are `integer`.
// Migrations themselves use Kysely<any>: they must keep working when these types move on.
import type { Generated } from 'kysely';

export interface UsersTable {
  id: string;
  name: string;
  display_name: string;
  role: 'student' | 'instructor' | 'admin' | 'local';
  password_hash: string | null;
  created_at: string;
  /// 1: a roster account still on its one-time password (013).
  must_change_password: Generated<number>;
}

export interface DocumentsTable {
  id: string;
  title: string;
  language: string;
  source_text: string;
  reflow: 'auto' | 'on' | 'off';
  origin: string | null;
  canonical_text: string;
  blocks_json: string;
  sha256: string;
  /// Length of canonical_text in Unicode code points (what exports and listings show).
  length_cp: number;
  tokens_json: string;
  /// The same tokens packed (lib/tokens/wire.ts): what page views read (011).
  tokens_packed: string;
  token_count: number;
  created_at: string;
  /// 1: an admin made it visible to every signed-in user (migration 008); 0: course texts only.
  public: Generated<number>;
}

export interface LabelSchemesTable {
  id: string;
  name: string;
  labels_json: string;
  created_at: string;
  /// The instructor who made it; NULL for the seeded default (everyone's).
  owner_id: string | null;
}

export interface ArgumentMapsTable {
  id: string;
  document_id: string;
  user_id: string;
  label_scheme_id: string;
  version: number;
  main_claim_id: string | null;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UnitsTable {
  map_id: string;
  id: string;
  label: string;
  /// UTF-16 code-unit offsets into the document's canonical text; null for an implicit unit.
  start_offset: number | null;
  end_offset: number | null;
  /// An implicit unit's own text; null for a unit of the text (migration 016).
  text: string | null;
  note: string;
  created_at: string;
}

export interface RelationsTable {
  map_id: string;
  id: string;
  type: 'support' | 'attack';
  /// The target: exactly one of a unit and (an undercutter's) a relation.
  to_unit: string | null;
  to_relation: string | null;
  /// An argumentation scheme's id (lib/argument/schemes), or null.
  scheme: string | null;
  /// The answered critical questions as JSON `[{ id, answer }]`, or null when none.
  critical_questions_json: string | null;
  note: string;
  created_at: string;
}

/// A relation's premises, in order (migration 016).
export interface RelationPremisesTable {
  map_id: string;
  relation_id: string;
  unit_id: string;
  position: number;
}

export interface CommentsTable {
  id: string;
  map_id: string;
  target_kind: 'unit' | 'relation' | 'map';
  target_id: string | null;
  author_id: string;
  body: string;
  created_at: string;
}

export interface AppliedBatchesTable {
  map_id: string;
  batch_id: string;
  version: number;
  created_at: string;
  /// sha256 of the batch's operations (batchHash); null for rows older than migration 007.
  content_hash: string | null;
}

export interface SessionsTable {
  /// sha256 (hex) of the session token; the token itself is never stored.
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface LoginAttemptsTable {
  id: string;
  /// A kind and its subject, as lib/auth/throttle.ts throttleKey writes them.
  key: string;
  at: string;
}

export interface AccountClaimsTable {
  slot: string;
  user_id: string;
  created_at: string;
}

export interface CoursesTable {
  id: string;
  title: string;
  /// 8 characters of lib/db/courses.ts's JOIN_CODE_ALPHABET; unique.
  join_code: string;
  owner_id: string;
  created_at: string;
  /// When an instructor archived it (read-only since), or null (013).
  archived_at: string | null;
  /// 1: the join code is switched off (013).
  join_disabled: Generated<number>;
}

export interface EnrolmentsTable {
  course_id: string;
  user_id: string;
  role: 'student' | 'instructor';
  joined_at: string;
}

export interface AssignmentsTable {
  id: string;
  course_id: string;
  document_id: string;
  label_scheme_id: string;
  title: string;
  due_at: string | null;
  reference_map_id: string | null;
  /// 1: the students are offered the signposts' suggested units; 0: not (migration 015).
  suggestions: number;
  created_at: string;
}

export interface NotificationsTable {
  id: string;
  /// The recipient.
  user_id: string;
  kind: 'comment' | 'reply' | 'submitted' | 'returned';
  actor_id: string | null;
  map_id: string | null;
  document_id: string | null;
  comment_id: string | null;
  assignment_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface AssignmentPoliciesTable {
  assignment_id: string;
  late_policy: 'accept' | 'lock';
  updated_at: string;
}

export interface RubricsTable {
  assignment_id: string;
  version: number;
  /// The criteria (lib/grading/rubric.ts Criterion[]) as JSON.
  criteria_json: string;
  created_by: string;
  created_at: string;
}

export interface ExtensionsTable {
  assignment_id: string;
  user_id: string;
  due_at: string;
  created_at: string;
}

export interface GradesTable {
  assignment_id: string;
  user_id: string;
  map_id: string;
  rubric_version: number;
  /// Points per criterion id (Record<string, number>) as JSON.
  scores_json: string;
  comment: string;
  graded_by: string;
  updated_at: string;
  returned_at: string | null;
}

export interface Database {
  users: UsersTable;
  documents: DocumentsTable;
  label_schemes: LabelSchemesTable;
  argument_maps: ArgumentMapsTable;
  units: UnitsTable;
  relations: RelationsTable;
  relation_premises: RelationPremisesTable;
  comments: CommentsTable;
  applied_batches: AppliedBatchesTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  settings: SettingsTable;
  account_claims: AccountClaimsTable;
  courses: CoursesTable;
  enrolments: EnrolmentsTable;
  assignments: AssignmentsTable;
  notifications: NotificationsTable;
  assignment_policies: AssignmentPoliciesTable;
  rubrics: RubricsTable;
  extensions: ExtensionsTable;
  grades: GradesTable;
}
