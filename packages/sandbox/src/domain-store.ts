/**
 * The partner's domains (docs/peeker-api.md §7) and forwarding jobs. Orders add `connected`
 * domains; forwarding jobs repoint them and finish after one progress step.
 */
import type { Provider } from '@peeker/core';
import type { ForwardingJob, PeekerDomain } from '@peeker/core/server';
import { invalidRequest, notFound } from './errors.ts';
import type { IdFactory } from './ids.ts';
import { isoSeconds } from './timestamps.ts';
import { isHttpUrl } from './validate.ts';

/** A domain row as answered by `GET /domains`: the client's `PeekerDomain`, narrowed to what the sandbox sends. */
export interface SandboxDomain extends PeekerDomain {
  id: string;
  domain: string;
  category: 'inventory' | 'connected';
  status: 'pending' | 'active' | 'cancel_scheduled';
  provider: Provider | null;
  user_id: string | null;
  order_id: string | null;
  usable_for: Provider[];
  forwarding_url: string | null;
  created_at: string;
}

/** A forwarding job as answered: the client's `ForwardingJob`, narrowed. */
export interface ForwardingJobRow extends ForwardingJob {
  id: string;
  status: 'in_progress' | 'completed' | 'partial_success' | 'failed';
  completed_count: number;
  failed_count: number;
  forwarding_url: string;
  completed: string[];
  failed: Array<{ domain: string; reason: string }>;
  created_at: string;
  completed_at?: string;
}

interface JobRecord {
  row: ForwardingJobRow;
  refs: string[];
}

/** Domain and forwarding storage. */
export interface DomainStore {
  add(domain: Omit<SandboxDomain, 'id' | 'created_at'>): SandboxDomain;
  /** By `dom_` id or by name. */
  resolve(ref: string): SandboxDomain | undefined;
  setStatus(id: string, status: SandboxDomain['status']): void;
  list(filters: { category?: string; user_id?: string; user_ids?: string[]; usable_for?: string; status?: string }): SandboxDomain[];
  createForwardingJob(refs: string[], url: string): ForwardingJobRow;
  /** Finishes a job: applies the URL, returns the finished row and the domains it changed or failed. */
  finishForwardingJob(id: string): { job: ForwardingJobRow; updated: SandboxDomain[]; failed: Array<{ domain: string; reason: string }> };
  getForwardingJob(id: string): ForwardingJobRow;
}

/**
 * @param ids - id factory
 * @param now - sandbox clock
 * @returns the store
 */
export function createDomainStore(ids: IdFactory, now: () => number): DomainStore {
  const domains = new Map<string, SandboxDomain>();
  const jobs = new Map<string, JobRecord>();
  const resolve = (ref: string): SandboxDomain | undefined => {
    const byId = domains.get(ref);
    if (byId !== undefined) return byId;
    const name = ref.trim().toLowerCase().replace(/\.$/, '');
    return [...domains.values()].find((d) => d.domain === name);
  };
  return {
    add(domain) {
      const row: SandboxDomain = { id: ids.next('dom'), ...domain, created_at: isoSeconds(now()) };
      domains.set(row.id, row);
      return structuredClone(row);
    },
    resolve: (ref) => {
      const row = resolve(ref);
      return row === undefined ? undefined : structuredClone(row);
    },
    setStatus(id, status) {
      const row = domains.get(id);
      if (row !== undefined) row.status = status;
    },
    list(filters) {
      return [...domains.values()]
        .filter((d) => filters.category === undefined || d.category === filters.category)
        .filter((d) => filters.user_id === undefined || d.user_id === filters.user_id)
        .filter((d) => filters.user_ids === undefined || (d.user_id !== null && filters.user_ids.includes(d.user_id)))
        .filter((d) => filters.usable_for === undefined || d.usable_for.includes(filters.usable_for as Provider))
        .filter((d) => filters.status === undefined || d.status === filters.status)
        .map((d) => structuredClone(d));
    },
    createForwardingJob(refs, url) {
      if (refs.length === 0) throw invalidRequest('domains must list at least one domain', 'domains');
      const row: ForwardingJobRow = {
        id: ids.next('fwj'),
        status: 'in_progress',
        completed_count: 0,
        failed_count: 0,
        forwarding_url: url,
        completed: [],
        failed: [],
        created_at: isoSeconds(now()),
      };
      jobs.set(row.id, { row, refs: [...refs] });
      return structuredClone(row);
    },
    finishForwardingJob(id) {
      const record = jobs.get(id);
      if (record === undefined) throw notFound('forwarding job');
      const { row } = record;
      const updated: SandboxDomain[] = [];
      const failed: Array<{ domain: string; reason: string }> = [];
      if (row.status === 'in_progress') {
        const validTarget = isHttpUrl(row.forwarding_url);
        for (const ref of record.refs) {
          const domain = resolve(ref);
          if (domain === undefined) {
            failed.push({ domain: ref, reason: 'not_found' });
          } else if (!validTarget) {
            failed.push({ domain: domain.domain, reason: 'invalid_target' });
          } else {
            // Already pointing at the target counts as completed (docs/peeker-api.md §2.4).
            domain.forwarding_url = row.forwarding_url;
            row.completed.push(domain.domain);
            updated.push(structuredClone(domain));
          }
        }
        row.failed = failed;
        row.completed_count = row.completed.length;
        row.failed_count = failed.length;
        row.status = failed.length === 0 ? 'completed' : row.completed.length === 0 ? 'failed' : 'partial_success';
        row.completed_at = isoSeconds(now());
      }
      return { job: structuredClone(row), updated, failed };
    },
    getForwardingJob(id) {
      const record = jobs.get(id);
      if (record === undefined) throw notFound('forwarding job');
      return structuredClone(record.row);
    },
  };
}
