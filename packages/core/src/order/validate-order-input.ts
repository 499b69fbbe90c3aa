/**
 * The order validator behind `buildOrderRequest` (server, `normalizeDomain`) and
 * `buildOrderDraft` (browser, an injected normaliser such as `normalizeHostname`): one set of
 * rules and issue codes for both. This file imports no normaliser itself, so a browser bundle
 * that only builds drafts never pulls in the public-suffix list.
 */
import type { AvailabilityRow } from '../availability/availability-row.ts';
import { classifyRow } from '../availability/row-status.ts';
import { OrderValidationError, type OrderIssue } from '../errors/order-validation-error.ts';
import { PeekerError } from '../errors/peeker-error.ts';
import { isPlainObject } from '../internal/is-plain-object.ts';
import { describeType, hasIdPrefix, isEmail, isHttpUrl } from './order-fields.ts';
import type { OrderDomain, OrderDraft, OrderRequest, Persona, SequencerSettings } from './order-request.ts';

/** Most personas one order may carry (Peeker: "up to 10"). */
const MAX_PERSONAS = 10;

/**
 * What {@link buildOrderRequest} and `buildOrderDraft` accept: the wire shape of a bundle order
 * (`POST /orders`, docs/peeker-api.md §5.1), with looser types. Any {@link OrderRequest} or
 * {@link OrderDraft} (also one parsed back from {@link serializeOrderRequest}'s JSON) is a
 * valid `OrderInput`, so a browser-built draft can be completed on the server with
 * `buildOrderRequest({ ...draft, sequencer })`.
 *
 * Strings are trimmed, except `login_password`, which is kept byte for byte. `null` counts as
 * absent. Other keys are ignored and never copied; the custom-order keys `google_licenses`
 * and `microsoft_licenses` are rejected (`order_shape_conflict`).
 *
 * `user`, `bundle_id`, `domains` and `personas` are required **at run time**; they are
 * optional in the type so that partial or untrusted input (a form, a posted JSON draft) can be
 * passed as it is and every missing field comes back as a `required` issue.
 */
export interface OrderInput {
  /** The customer: an email address (reused or created by Peeker) or an existing `usr_…` id. */
  user?: string | null;
  /** The bundle (`bun_…`) that sets license counts and inbox density. Only the prefix is checked. */
  bundle_id?: string | null;
  /**
   * Smartlead settings; **secret**. Required, except with `{ draft: true }`, where it is
   * ignored and never copied (so a browser never needs it).
   */
  sequencer?: {
    /** Only `"smartlead"` is documented. @default "smartlead" */
    readonly provider?: 'smartlead';
    /**
     * Smartlead client route: a positive integer, or a string of digits (converted to a
     * number). `null`, `""` or absent = the partner's default route (sent as `null`).
     * @default null
     */
    readonly client_id?: number | string | null;
    /** Smartlead login email (required). */
    readonly login_email: string;
    /** Smartlead login password (required, non-empty, never trimmed, never in any error). */
    readonly login_password: string;
  } | null;
  /** Default web redirect for every domain: an absolute http(s) URL. `""`/`null` = none. */
  forwarding_url?: string | null;
  /**
   * The domains to order: names (normalised with `normalizeDomain` by `buildOrderRequest`, with the injected
   * normaliser by `buildOrderDraft`), or
   * `{ domain, forwarding_url }` to override the redirect of one domain (an entry whose
   * `forwarding_url` is empty becomes a plain name). Duplicates after normalisation are rejected.
   */
  domains?: readonly (string | { readonly domain: string; readonly forwarding_url?: string | null })[];
  /**
   * 1 to 10 people; Peeker derives inbox usernames from them, in this order. Names must be
   * non-empty after trimming; `profile_picture_url` may be omitted (sent as `""`).
   */
  personas?: readonly {
    readonly first_name: string;
    readonly last_name: string;
    readonly profile_picture_url?: string | null;
  }[];
}

/** The availability and plan checks `buildOrderRequest` and `buildOrderDraft` share. */
export interface OrderCheckOptions {
  /**
   * The plan the domain list must match, e.g. a bundle's `required_domains`. When given, the
   * number of domain entries must equal `total` (default `google + microsoft`), else issue
   * `domain_count_mismatch` with `details` `{ required_count, submitted_count, missing_count }`
   * (`missing_count` is 0 when too many names are sent).
   * @default undefined (count not checked)
   */
  required?: { readonly google: number; readonly microsoft: number; readonly total?: number };
  /**
   * Fresh availability rows. When given, every domain needs an orderable row
   * (`isOrderable`: available, not premium, priced, usable for Google or Microsoft), else issue
   * `not_orderable` with `details.reason` (`taken`, `premium`, `not_checked`, …). With
   * `required` too, a valid Google/Microsoft assignment must exist, else
   * `provider_split_impossible`. Do not pass rows for orders that reuse imported domains
   * (those have no availability row).
   * @default undefined (availability not checked)
   */
  rows?: readonly AvailabilityRow[];
}

/** Validated options. Internal. */
export interface ReadOptions {
  draft: boolean;
  normalize: (name: string) => string;
  required: { google: number; microsoft: number; total: number } | undefined;
  rows: Map<string, AvailabilityRow> | undefined;
}

type AddIssue = (path: string, code: string, message: string, details?: Record<string, unknown>) => void;

/**
 * Validates an order input and builds the body (or, with `opts.draft`, the body without
 * `sequencer`); see `buildOrderRequest` for the rules, the output shape and the issue codes.
 * Internal.
 * @param input - the order, in the wire shape
 * @param opts - from {@link readOrderOptions}
 * @returns the request body or draft
 * @throws OrderValidationError listing every problem
 * @throws TypeError when `input` is not an object
 */
export function validateOrderInput(input: OrderInput, opts: ReadOptions): OrderRequest | OrderDraft {
  if (!isPlainObject(input)) throw new TypeError(`Expected an order input object, got ${describeType(input)}`);
  const issues: OrderIssue[] = [];
  const add: AddIssue = (path, code, message, details) => {
    issues.push(details === undefined ? { path, code, message } : { path, code, message, details });
  };

  const user = readUser(input.user, add);
  const bundleId = readBundleId(input.bundle_id, add);
  for (const key of ['google_licenses', 'microsoft_licenses'] as const) {
    const present = (input as Record<string, unknown>)[key];
    if (present !== undefined && present !== null) {
      add(
        key,
        'order_shape_conflict',
        `${key} belongs to custom orders and cannot be combined with a bundle order (bundle_id sets the license counts)`,
      );
    }
  }
  const sequencer = opts.draft ? undefined : readSequencer(input.sequencer, add);
  const forwardingUrl = readOptionalUrl(input.forwarding_url, 'forwarding_url', add);
  const domains = readDomains(input.domains, opts, add);
  const personas = readPersonas(input.personas, add);

  if (issues.length > 0) throw new OrderValidationError(issues);

  // Every reader returned a value when it added no issue; the casts only state that.
  const out: Record<string, unknown> = { user, bundle_id: bundleId };
  if (!opts.draft) out.sequencer = sequencer;
  if (forwardingUrl !== undefined) out.forwarding_url = forwardingUrl;
  out.domains = domains;
  out.personas = personas;
  return out as unknown as OrderRequest | OrderDraft;
}

/**
 * Checks the options of `buildOrderRequest` / `buildOrderDraft` and indexes the rows by
 * normalised name. Internal.
 * @param options - the caller's options (`undefined` = none)
 * @param normalize - the name normaliser (`normalizeDomain` on the server, injected in the browser)
 * @returns the validated options
 * @throws TypeError "Expected …, got …" for malformed options
 */
export function readOrderOptions(options: unknown, normalize: (name: string) => string): ReadOptions {
  if (options === undefined) return { draft: false, normalize, required: undefined, rows: undefined };
  if (!isPlainObject(options)) throw new TypeError(`Expected options to be an object, got ${describeType(options)}`);
  const { draft = false, required, rows } = options as Record<string, unknown>;
  if (typeof draft !== 'boolean') throw new TypeError(`Expected options.draft to be a boolean, got ${describeType(draft)}`);

  let plan: ReadOptions['required'];
  if (required !== undefined) {
    if (!isPlainObject(required)) {
      throw new TypeError(`Expected options.required to be { google, microsoft, total? }, got ${describeType(required)}`);
    }
    const count = (key: string, value: unknown): number => {
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        throw new TypeError(
          `Expected options.required.${key} to be a non-negative integer, got ${typeof value === 'number' ? String(value) : describeType(value)}`,
        );
      }
      return value;
    };
    const google = count('google', required.google);
    const microsoft = count('microsoft', required.microsoft);
    const total = required.total === undefined ? google + microsoft : count('total', required.total);
    if (total !== google + microsoft) {
      throw new TypeError(`Expected options.required.total to equal google + microsoft (${google + microsoft}), got ${total}`);
    }
    plan = { google, microsoft, total };
  }

  let rowMap: ReadOptions['rows'];
  if (rows !== undefined) {
    if (!Array.isArray(rows)) throw new TypeError(`Expected options.rows to be an array of availability rows, got ${describeType(rows)}`);
    rowMap = new Map();
    for (const row of rows as unknown[]) {
      if (!isPlainObject(row) || typeof row.domain !== 'string') {
        throw new TypeError(`Expected every options.rows entry to be an availability row with a string domain, got ${describeType(row)}`);
      }
      let key = row.domain;
      try {
        key = normalize(row.domain);
      } catch {
        // A row for a name that does not normalise can never match a valid domain; keep it as is.
      }
      if (!rowMap.has(key)) rowMap.set(key, row as unknown as AvailabilityRow);
    }
  }
  return { draft, normalize, required: plan, rows: rowMap };
}

/** Reads a required, trimmed, non-empty string. Never echoes the value. */
function readText(value: unknown, path: string, label: string, add: AddIssue): string | undefined {
  if (value === undefined || value === null) {
    add(path, 'required', `${label} is required`);
    return undefined;
  }
  if (typeof value !== 'string') {
    add(path, 'invalid_type', `Expected ${label} to be a string, got ${describeType(value)}`);
    return undefined;
  }
  const text = value.trim();
  if (text === '') {
    add(path, 'required', `${label} is required`);
    return undefined;
  }
  return text;
}

/** Reads an optional http(s) URL: `undefined`/`null`/`""` = none. */
function readOptionalUrl(value: unknown, path: string, add: AddIssue): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    add(path, 'invalid_type', `Expected ${path} to be a string, got ${describeType(value)}`);
    return null;
  }
  const text = value.trim();
  if (text === '') return undefined;
  if (!isHttpUrl(text)) {
    add(path, 'invalid_url', `${path} must be an absolute http(s) URL such as https://acme.com`);
    return null;
  }
  return text;
}

function readUser(value: unknown, add: AddIssue): string | undefined {
  const text = readText(value, 'user', 'user', add);
  if (text === undefined) return undefined;
  if (!hasIdPrefix(text, 'usr_') && !isEmail(text)) {
    add('user', 'invalid_user', 'user must be an email address or an existing usr_… id');
    return undefined;
  }
  return text;
}

function readBundleId(value: unknown, add: AddIssue): string | undefined {
  const text = readText(value, 'bundle_id', 'bundle_id', add);
  if (text === undefined) return undefined;
  if (!hasIdPrefix(text, 'bun_')) {
    add('bundle_id', 'invalid_bundle_id', 'bundle_id must be a bundle id starting with bun_');
    return undefined;
  }
  return text;
}

/**
 * Reads `sequencer`. Its values are secrets (the password) or near-secrets: no message
 * quotes any of them, only their types.
 */
function readSequencer(value: unknown, add: AddIssue): SequencerSettings | undefined {
  if (value === undefined || value === null) {
    add('sequencer', 'required', 'sequencer (Smartlead client_id, login_email and login_password) is required');
    return undefined;
  }
  if (!isPlainObject(value)) {
    add('sequencer', 'invalid_type', `Expected sequencer to be an object, got ${describeType(value)}`);
    return undefined;
  }
  let ok = true;
  if (value.provider !== undefined && value.provider !== null && value.provider !== 'smartlead') {
    add('sequencer.provider', 'unsupported_provider', 'sequencer.provider must be "smartlead" (the only documented sequencer)');
    ok = false;
  }

  const clientId = readClientId(value.client_id, add);
  if (clientId === undefined) ok = false;

  const email = readText(value.login_email, 'sequencer.login_email', 'sequencer.login_email', add);
  if (email === undefined) ok = false;
  else if (!isEmail(email)) {
    add('sequencer.login_email', 'invalid_email', 'sequencer.login_email must be an email address');
    ok = false;
  }

  const password = value.login_password;
  if (password === undefined || password === null || password === '') {
    add('sequencer.login_password', 'required', 'sequencer.login_password is required');
    ok = false;
  } else if (typeof password !== 'string') {
    add('sequencer.login_password', 'invalid_type', `Expected sequencer.login_password to be a string, got ${describeType(password)}`);
    ok = false;
  }

  if (!ok) return undefined;
  return {
    provider: 'smartlead',
    client_id: clientId as number | null,
    login_email: email as string,
    login_password: password as string,
  };
}

/** `undefined` means "issue added"; `null` is the partner's default route. */
function readClientId(value: unknown, add: AddIssue): number | null | undefined {
  if (value === undefined || value === null) return null;
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return null;
    if (/^[0-9]+$/.test(text)) n = Number(text);
  }
  if (n === undefined || !Number.isSafeInteger(n) || n < 1) {
    add(
      'sequencer.client_id',
      'invalid_client_id',
      'sequencer.client_id must be a positive integer (or a string of digits), or null for the default route',
    );
    return undefined;
  }
  return n;
}

/** Normalises one name; adds an issue (with the normaliser's message) when it fails. */
function readDomainName(value: unknown, path: string, normalize: (name: string) => string, add: AddIssue): string | undefined {
  if (value === undefined || value === null) {
    add(path, 'required', `${path} is required`);
    return undefined;
  }
  if (typeof value !== 'string') {
    add(path, 'invalid_type', `Expected ${path} to be a string, got ${describeType(value)}`);
    return undefined;
  }
  try {
    return normalize(value);
  } catch (error) {
    if (PeekerError.is(error)) {
      add(path, 'invalid_domain', error.message);
      return undefined;
    }
    throw error;
  }
}

function readDomains(value: unknown, opts: ReadOptions, add: AddIssue): OrderDomain[] | undefined {
  if (value === undefined || value === null) {
    add('domains', 'required', 'domains is required');
    return undefined;
  }
  if (!Array.isArray(value)) {
    add('domains', 'invalid_type', `Expected domains to be an array, got ${describeType(value)}`);
    return undefined;
  }
  const entries = value as readonly unknown[];
  let broken = false; // any issue on an entry
  if (entries.length === 0) {
    add('domains', 'required', 'At least one domain is required');
    broken = true;
  }

  const out: OrderDomain[] = [];
  const names: string[] = [];
  const firstIndex = new Map<string, number>();
  entries.forEach((entry, i) => {
    const path = `domains[${i}]`;
    let name: string | undefined;
    let forwardingUrl: string | undefined | null;
    if (typeof entry === 'string') {
      name = readDomainName(entry, path, opts.normalize, add);
    } else if (isPlainObject(entry)) {
      name = readDomainName(entry.domain, `${path}.domain`, opts.normalize, add);
      forwardingUrl = readOptionalUrl(entry.forwarding_url, `${path}.forwarding_url`, add);
    } else {
      add(path, 'invalid_type', `Expected ${path} to be a domain name or { domain, forwarding_url }, got ${describeType(entry)}`);
    }
    if (name === undefined || forwardingUrl === null) {
      broken = true;
      return;
    }
    const first = firstIndex.get(name);
    if (first !== undefined) {
      add(path, 'duplicate_domain', `${name} is listed twice (first at domains[${first}])`, { domain: name, first_index: first });
      broken = true;
      return;
    }
    firstIndex.set(name, i);
    if (opts.rows !== undefined) {
      const { reason } = classifyRow(opts.rows.get(name));
      if (reason !== null) {
        add(path, 'not_orderable', `${name} cannot be ordered (${reason})`, { domain: name, reason });
        broken = true;
        return;
      }
    }
    names.push(name);
    out.push(forwardingUrl === undefined ? name : { domain: name, forwarding_url: forwardingUrl });
  });

  if (opts.required !== undefined) {
    const required = opts.required.total;
    const submitted = entries.length;
    if (submitted !== required) {
      add(
        'domains',
        'domain_count_mismatch',
        `The plan needs ${required} domain${required === 1 ? '' : 's'}; ${submitted} submitted`,
        { required_count: required, submitted_count: submitted, missing_count: Math.max(0, required - submitted) },
      );
      broken = true;
    }
  }

  if (opts.required !== undefined && opts.rows !== undefined && !broken) {
    // Feasibility of the Google/Microsoft split, by counting (no solver needed).
    //
    // Claim: n domains can fill exactly g Google slots and m Microsoft slots, one slot each,
    // iff n = g + m, every domain is usable for at least one provider, G ≥ g and M ≥ m, where
    // G / M count the Google- / Microsoft-capable domains.
    // Proof. Split the domains into a Google-only, b Microsoft-only and c dual-capable ones
    // (a + b + c = n; nothing else remains, as every domain reached here is usable for at
    // least one provider). Necessity: the g Google slots need g Google-capable domains, so
    // G ≥ g; likewise M ≥ m; and one slot per domain with every slot filled forces n = g + m.
    // Sufficiency: M = b + c ≥ m and n = g + m give a = n − M ≤ g; symmetrically b ≤ m. Put the
    // a Google-only domains on Google and the b Microsoft-only ones on Microsoft; that leaves
    // (g − a) + (m − b) = n − a − b = c open slots, exactly one per dual-capable domain. ∎
    // With Peeker's documented data every orderable row has "google" (usable_for is
    // ["google","microsoft"] or ["google"]), so G = n and the test reduces to M ≥ m.
    const rows = opts.rows;
    let google = 0;
    let microsoft = 0;
    for (const name of names) {
      const row = classifyRow(rows.get(name));
      if (row.google) google += 1;
      if (row.microsoft) microsoft += 1;
    }
    const { google: needGoogle, microsoft: needMicrosoft } = opts.required;
    if (google < needGoogle || microsoft < needMicrosoft) {
      const short = { google: Math.max(0, needGoogle - google), microsoft: Math.max(0, needMicrosoft - microsoft) };
      add(
        'domains',
        'provider_split_impossible',
        `No valid Google/Microsoft split: the plan needs ${needGoogle} Google-capable and ${needMicrosoft} Microsoft-capable domains; the list has ${google} and ${microsoft}`,
        {
          required_google: needGoogle,
          required_microsoft: needMicrosoft,
          google_capable: google,
          microsoft_capable: microsoft,
          shortfall: short,
        },
      );
      broken = true;
    }
  }
  return broken ? undefined : out;
}

function readPersonas(value: unknown, add: AddIssue): Persona[] | undefined {
  if (value === undefined || value === null) {
    add('personas', 'required', 'personas is required (1 to 10 people)');
    return undefined;
  }
  if (!Array.isArray(value)) {
    add('personas', 'invalid_type', `Expected personas to be an array, got ${describeType(value)}`);
    return undefined;
  }
  const entries = value as readonly unknown[];
  let broken = false;
  if (entries.length === 0) {
    add('personas', 'required', 'At least one persona is required');
    broken = true;
  } else if (entries.length > MAX_PERSONAS) {
    add('personas', 'too_many', `At most ${MAX_PERSONAS} personas are allowed; ${entries.length} submitted`, {
      max: MAX_PERSONAS,
      submitted_count: entries.length,
    });
    broken = true;
  }
  const out: Persona[] = [];
  entries.forEach((entry, i) => {
    const path = `personas[${i}]`;
    if (!isPlainObject(entry)) {
      add(path, 'invalid_type', `Expected ${path} to be { first_name, last_name, profile_picture_url }, got ${describeType(entry)}`);
      broken = true;
      return;
    }
    const first = readText(entry.first_name, `${path}.first_name`, `${path}.first_name`, add);
    const last = readText(entry.last_name, `${path}.last_name`, `${path}.last_name`, add);
    const picture = readOptionalUrl(entry.profile_picture_url, `${path}.profile_picture_url`, add);
    if (first === undefined || last === undefined || picture === null) {
      broken = true;
      return;
    }
    out.push({ first_name: first, last_name: last, profile_picture_url: picture ?? '' });
  });
  return broken ? undefined : out;
}
