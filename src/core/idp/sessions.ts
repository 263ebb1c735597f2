import { randomBytes } from 'node:crypto';
import type { User } from './model';

export interface SessionParticipant {
  appId: string;
  sessionIndex: string;
  nameId: string;
}

/** An Entra sign-in session (the ESTSAUTH cookie): who signed in, how, and which apps got a token from it. */
export interface IdpSession {
  id: string;
  userId: string;
  authInstant: Date;
  authMethod: User['authMethod'];
  participants: SessionParticipant[];
}

export const SESSION_COOKIE = 'ESTSAUTH';

/** Sessions kept at once; the oldest goes first, as a browser that signed in long ago would be asked again. */
export const MAX_SESSIONS = 1000;

export class SessionStore {
  private readonly sessions = new Map<string, IdpSession>();

  create(userId: string, authMethod: User['authMethod'], at: Date): IdpSession {
    const s: IdpSession = { id: randomBytes(24).toString('base64url'), userId, authInstant: at, authMethod, participants: [] };
    this.sessions.set(s.id, s);
    if (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    return s;
  }

  get(id: string | undefined): IdpSession | undefined {
    return id ? this.sessions.get(id) : undefined;
  }

  addParticipant(session: IdpSession, p: SessionParticipant): void {
    session.participants = [...session.participants.filter((x) => x.appId !== p.appId), p];
  }

  end(id: string): void {
    this.sessions.delete(id);
  }

  clear(): void {
    this.sessions.clear();
  }
}
