/**
 * Users (customers, docs/peeker-api.md §6). Emails are unique per account (compared
 * case-insensitively); orders create or reuse users by email. Sequencer credentials are
 * never stored or returned: a user keeps only `{provider, client_id}`.
 */
import type { PeekerUser } from '@peeker/core/server';
import { invalidRequest, notFound } from './errors.ts';
import type { IdFactory } from './ids.ts';
import { isoSeconds } from './timestamps.ts';
import { isEmail, isPlainObject, readClientId, requireString } from './validate.ts';

/** A user as answered: the client's `PeekerUser`, narrowed. */
export interface SandboxUser extends PeekerUser {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  status: 'active' | 'deleted';
  sequencer: { provider: 'smartlead'; client_id: number | string | null };
  created_at: string;
}

/** User storage. */
export interface UserStore {
  create(body: Record<string, unknown>): SandboxUser;
  get(id: string): SandboxUser;
  find(id: string): SandboxUser | undefined;
  findByEmail(email: string): SandboxUser | undefined;
  /** Used by orders: reuse the user with this email, or create one. */
  ensure(email: string, sequencer: { client_id: number | string | null }): SandboxUser;
  list(filters: { email?: string; status?: string }): SandboxUser[];
  update(id: string, body: Record<string, unknown>): SandboxUser;
}

function readSequencer(value: unknown): SandboxUser['sequencer'] {
  if (!isPlainObject(value)) throw invalidRequest('sequencer is required', 'sequencer');
  if (value.provider !== 'smartlead') throw invalidRequest('sequencer.provider must be "smartlead"', 'sequencer.provider');
  return { provider: 'smartlead', client_id: readClientId(value.client_id, 'sequencer.client_id') };
}

function readName(value: unknown, field: string): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'string') throw invalidRequest(`${field} must be a string`, field);
  return value.trim() === '' ? null : value.trim();
}

/**
 * @param ids - id factory
 * @param now - sandbox clock
 * @returns the store
 */
export function createUserStore(ids: IdFactory, now: () => number): UserStore {
  const users = new Map<string, SandboxUser>();
  const readEmail = (value: unknown, except?: string): string => {
    const email = requireString(value, 'email');
    if (!isEmail(email)) throw invalidRequest('email must be an email address', 'email');
    const existing = [...users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
    if (existing !== undefined && existing.id !== except) throw invalidRequest('A user with this email already exists', 'email');
    return email;
  };
  const add = (email: string, sequencer: SandboxUser['sequencer'], first: string | null, last: string | null): SandboxUser => {
    const user: SandboxUser = {
      id: ids.next('usr'),
      email,
      first_name: first,
      last_name: last,
      status: 'active',
      sequencer,
      created_at: isoSeconds(now()),
    };
    users.set(user.id, user);
    return user;
  };
  const findByEmail = (email: string): SandboxUser | undefined =>
    [...users.values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
  return {
    create(body) {
      const email = readEmail(body.email);
      const sequencer = readSequencer(body.sequencer);
      const user = add(email, sequencer, readName(body.first_name, 'first_name') ?? null, readName(body.last_name, 'last_name') ?? null);
      return structuredClone(user);
    },
    get(id) {
      const user = users.get(id);
      if (user === undefined) throw notFound('user');
      return structuredClone(user);
    },
    find: (id) => {
      const user = users.get(id);
      return user === undefined ? undefined : structuredClone(user);
    },
    findByEmail: (email) => {
      const user = findByEmail(email);
      return user === undefined ? undefined : structuredClone(user);
    },
    ensure(email, sequencer) {
      const existing = findByEmail(email);
      if (existing !== undefined) return structuredClone(existing);
      return structuredClone(add(email, { provider: 'smartlead', client_id: sequencer.client_id }, null, null));
    },
    list(filters) {
      return [...users.values()]
        .filter((u) => filters.email === undefined || u.email.toLowerCase() === filters.email.toLowerCase())
        .filter((u) => filters.status === undefined || u.status === filters.status)
        .map((u) => structuredClone(u));
    },
    update(id, body) {
      const user = users.get(id);
      if (user === undefined) throw notFound('user');
      const next: SandboxUser = { ...user };
      if (body.email !== undefined) next.email = readEmail(body.email, id);
      if (body.sequencer !== undefined) next.sequencer = readSequencer(body.sequencer);
      const first = readName(body.first_name, 'first_name');
      if (first !== undefined) next.first_name = first;
      const last = readName(body.last_name, 'last_name');
      if (last !== undefined) next.last_name = last;
      users.set(id, next);
      return structuredClone(next);
    },
  };
}
