import type { SupportCaseView, SupportTopic } from '../../../preload/contract/places-types.js';
import type { Db } from './database.js';

/** Case numbers as the user quotes them: ten digits. */
const CASE_NUMBER_BASE = 1_000_000_000;

interface CaseRow {
  id: number;
  topic: SupportTopic;
  description: string;
  created_at: number;
}

function toView(row: CaseRow): SupportCaseView {
  return { number: String(CASE_NUMBER_BASE + row.id), topic: row.topic, description: row.description, createdAt: row.created_at };
}

/** What a verified user asked Apple ID support. */
export class SupportCasesRepo {
  private readonly insertStmt;
  private readonly byIdStmt;
  private readonly forAccountStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare('INSERT INTO support_cases (account_id, topic, description, created_at) VALUES (?, ?, ?, ?)');
    this.byIdStmt = db.prepare<[number], CaseRow>('SELECT id, topic, description, created_at FROM support_cases WHERE id = ?');
    this.forAccountStmt = db.prepare<[number], CaseRow>('SELECT id, topic, description, created_at FROM support_cases WHERE account_id = ? ORDER BY id DESC LIMIT 50');
  }

  open(accountId: number, topic: SupportTopic, description: string, now: number): SupportCaseView {
    const id = Number(this.insertStmt.run(accountId, topic, description, now).lastInsertRowid);
    return toView(this.byIdStmt.get(id)!);
  }

  /** The account's newest 50 cases, newest first. */
  forAccount(accountId: number): SupportCaseView[] {
    return this.forAccountStmt.all(accountId).map(toView);
  }
}
