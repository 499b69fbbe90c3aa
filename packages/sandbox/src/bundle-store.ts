/**
 * Bundles (docs/peeker-api.md §3): saved order templates whose `required_domains` the sandbox
 * computes with `estimateRequiredDomains` (the project's fit; a real bundle's numbers win).
 */
import { estimateRequiredDomains } from '@peeker/core';
import type { Bundle } from '@peeker/core';
import { invalidRequest, notFound } from './errors.ts';
import type { IdFactory } from './ids.ts';
import { isoSeconds } from './timestamps.ts';
import { optionalBoolean, requireString } from './validate.ts';

interface BundleRecord {
  bundle: Bundle;
  /** An order used it: DELETE archives instead of deleting. */
  used: boolean;
}

/** Bundle storage. */
export interface BundleStore {
  create(body: Record<string, unknown>): Bundle;
  get(id: string): Bundle;
  /** `undefined` when unknown (orders validate without a 404). */
  find(id: string): Bundle | undefined;
  list(status: string | undefined): Bundle[];
  update(id: string, body: Record<string, unknown>): Bundle;
  remove(id: string): { id: string; status: 'deleted' | 'archived' };
  markUsed(id: string): void;
}

interface Sizing {
  monthly_sending_volume: number;
  google_percent: number | null;
  microsoft_percent: number | null;
  send_on_weekends: boolean;
  google_inboxes_per_domain: 2 | 3;
}

function readVolume(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw invalidRequest('monthly_sending_volume must be a positive integer', 'monthly_sending_volume');
  }
  return value;
}

function readPercents(g: unknown, m: unknown): [number | null, number | null] {
  const gUnset = g === undefined || g === null;
  const mUnset = m === undefined || m === null;
  if (gUnset && mUnset) return [null, null];
  if (gUnset !== mUnset) throw invalidRequest('Set both google_percent and microsoft_percent, or neither', gUnset ? 'google_percent' : 'microsoft_percent');
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100;
  if (!ok(g)) throw invalidRequest('google_percent must be an integer from 0 to 100', 'google_percent');
  if (!ok(m)) throw invalidRequest('microsoft_percent must be an integer from 0 to 100', 'microsoft_percent');
  if (g + m !== 100) throw invalidRequest('google_percent and microsoft_percent must sum to 100', 'google_percent');
  return [g, m];
}

function readInboxes(value: unknown): 2 | 3 | undefined {
  if (value === undefined || value === null) return undefined;
  if (value !== 2 && value !== 3) throw invalidRequest('google_inboxes_per_domain must be 2 or 3', 'google_inboxes_per_domain');
  return value;
}

function derive(sizing: Sizing): Pick<Bundle, 'effective' | 'required_domains'> {
  const required = estimateRequiredDomains(sizing);
  return {
    effective: { google_percent: sizing.google_percent ?? 50, microsoft_percent: sizing.microsoft_percent ?? 50 },
    required_domains: { google: required.google, microsoft: required.microsoft, total: required.total },
  };
}

/**
 * @param ids - id factory
 * @param now - sandbox clock
 * @returns the store
 */
export function createBundleStore(ids: IdFactory, now: () => number): BundleStore {
  const records = new Map<string, BundleRecord>();
  const getRecord = (id: string): BundleRecord => {
    const record = records.get(id);
    if (record === undefined) throw notFound('bundle');
    return record;
  };
  const build = (id: string, name: string, sizing: Sizing, status: string, createdAt: string): Bundle => ({
    id,
    name,
    monthly_sending_volume: sizing.monthly_sending_volume,
    google_percent: sizing.google_percent,
    microsoft_percent: sizing.microsoft_percent,
    send_on_weekends: sizing.send_on_weekends,
    google_inboxes_per_domain: sizing.google_inboxes_per_domain,
    status,
    ...derive(sizing),
    created_at: createdAt,
  });
  return {
    create(body) {
      const name = requireString(body.name, 'name');
      const volume = readVolume(body.monthly_sending_volume);
      const [g, m] = readPercents(body.google_percent, body.microsoft_percent);
      const sizing: Sizing = {
        monthly_sending_volume: volume,
        google_percent: g,
        microsoft_percent: m,
        send_on_weekends: optionalBoolean(body.send_on_weekends, 'send_on_weekends') ?? false,
        google_inboxes_per_domain: readInboxes(body.google_inboxes_per_domain) ?? 2,
      };
      const bundle = build(ids.next('bun'), name, sizing, 'active', isoSeconds(now()));
      records.set(bundle.id, { bundle, used: false });
      return structuredClone(bundle);
    },
    get: (id) => structuredClone(getRecord(id).bundle),
    find: (id) => {
      const record = records.get(id);
      return record === undefined ? undefined : structuredClone(record.bundle);
    },
    list(status) {
      return [...records.values()].map((r) => r.bundle).filter((b) => status === undefined || b.status === status).map((b) => structuredClone(b));
    },
    update(id, body) {
      const record = getRecord(id);
      const old = record.bundle;
      const name = body.name === undefined ? old.name : requireString(body.name, 'name');
      const volume = body.monthly_sending_volume === undefined ? old.monthly_sending_volume : readVolume(body.monthly_sending_volume);
      const hasPercent = 'google_percent' in body || 'microsoft_percent' in body;
      const [g, m] = hasPercent
        ? readPercents(body.google_percent, body.microsoft_percent)
        : [old.google_percent ?? null, old.microsoft_percent ?? null];
      const sizing: Sizing = {
        monthly_sending_volume: volume,
        google_percent: g,
        microsoft_percent: m,
        send_on_weekends: optionalBoolean(body.send_on_weekends, 'send_on_weekends') ?? old.send_on_weekends ?? false,
        google_inboxes_per_domain: readInboxes(body.google_inboxes_per_domain) ?? old.google_inboxes_per_domain ?? 2,
      };
      record.bundle = build(old.id, name, sizing, old.status, old.created_at ?? isoSeconds(now()));
      return structuredClone(record.bundle);
    },
    remove(id) {
      const record = getRecord(id);
      if (record.used) {
        record.bundle = { ...record.bundle, status: 'archived' };
        return { id, status: 'archived' };
      }
      records.delete(id);
      return { id, status: 'deleted' };
    },
    markUsed(id) {
      const record = records.get(id);
      if (record !== undefined) record.used = true;
    },
  };
}
