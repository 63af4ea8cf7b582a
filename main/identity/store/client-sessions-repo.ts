import type { ClientKind, ClientSessionView, SessionEndReason } from '../../../preload/contract/models.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';

interface SessionRow {
  id: string;
  client_kind: ClientKind;
  account_id: number;
  apple_id: string;
  full_name: string;
  label: string | null;
  started_at: number;
}

const SELECT_ACTIVE = `
  SELECT s.id, s.client_kind, s.account_id, a.apple_id, a.full_name, p.label, s.started_at
  FROM client_sessions s
  JOIN accounts a ON a.id = s.account_id
  LEFT JOIN app_passwords p ON p.id = s.app_password_id
  WHERE s.ended_at IS NULL`;

function toView(row: SessionRow): ClientSessionView {
  return {
    id: row.id,
    clientKind: row.client_kind,
    appleId: row.apple_id,
    fullName: row.full_name,
    appPasswordLabel: row.label,
    startedAt: row.started_at,
  };
}

export interface EndedSession {
  sessionId: string;
  clientKind: ClientKind;
  appleId: string;
}

export type SessionSelector =
  | { by: 'client'; value: ClientKind }
  | { by: 'account'; value: number }
  | { by: 'app-password'; value: number }
  | { by: 'all'; value: 0 };

interface EndableRow {
  id: string;
  client_kind: ClientKind;
  apple_id: string;
}

export class ClientSessionsRepo {
  private readonly activeStmt;
  private readonly byClientStmt;
  private readonly byIdStmt;
  private readonly insertStmt;
  private readonly endStmt;

  private readonly selectors: Record<SessionSelector['by'], Statement<[string | number], EndableRow>>;

  constructor(db: Db) {
    const endable = `SELECT s.id, s.client_kind, a.apple_id FROM client_sessions s JOIN accounts a ON a.id = s.account_id
      WHERE s.ended_at IS NULL`;
    this.selectors = {
      client: db.prepare(`${endable} AND s.client_kind = ?`),
      account: db.prepare(`${endable} AND s.account_id = ?`),
      'app-password': db.prepare(`${endable} AND s.app_password_id = ?`),
      all: db.prepare(`${endable} AND ? = 0`),
    };
    this.activeStmt = db.prepare<[], SessionRow>(`${SELECT_ACTIVE} ORDER BY s.started_at`);
    this.byClientStmt = db.prepare<[string], SessionRow>(`${SELECT_ACTIVE} AND s.client_kind = ?`);
    this.byIdStmt = db.prepare<[string], SessionRow>(`${SELECT_ACTIVE} AND s.id = ?`);
    this.insertStmt = db.prepare(
      `INSERT INTO client_sessions (id, account_id, client_kind, app_password_id, started_at)
       VALUES (@id, @accountId, @clientKind, @appPasswordId, @now)`,
    );
    this.endStmt = db.prepare('UPDATE client_sessions SET ended_at = @now, end_reason = @reason WHERE id = @id AND ended_at IS NULL');
  }

  active(): ClientSessionView[] {
    return this.activeStmt.all().map(toView);
  }

  activeFor(clientKind: ClientKind): ClientSessionView | undefined {
    const row = this.byClientStmt.get(clientKind);
    return row && toView(row);
  }

  byId(id: string): ClientSessionView | undefined {
    const row = this.byIdStmt.get(id);
    return row && toView(row);
  }

  insert(id: string, accountId: number, clientKind: ClientKind, appPasswordId: number | null, now: number): void {
    this.insertStmt.run({ id, accountId, clientKind, appPasswordId, now });
  }

  /** Ends the active sessions `which` picks; returns who was signed out. */
  end(which: SessionSelector, reason: SessionEndReason, now: number): EndedSession[] {
    const rows = this.selectors[which.by].all(which.value);
    for (const row of rows) this.endStmt.run({ id: row.id, now, reason });
    return rows.map((r) => ({ sessionId: r.id, clientKind: r.client_kind, appleId: r.apple_id }));
  }
}
