/** One person whose name Peeker uses for inbox usernames. */
export interface Persona {
  first_name: string;
  last_name: string;
  /** Always present; `""` when there is no picture, otherwise a public http(s) image URL. */
  profile_picture_url: string;
}

/** Smartlead credentials. Secrets: only the partner's server ever builds this. */
export interface SequencerSettings {
  provider: 'smartlead';
  /**
   * Smartlead client route; `null` = the partner's default route. `buildOrderRequest` always
   * outputs a positive integer or `null` (digit strings are converted), so equal orders
   * serialise to equal bytes.
   */
  client_id: number | string | null;
  login_email: string;
  login_password: string;
}

/** A domain entry of an order: a name, or a name with its own forwarding URL. */
export type OrderDomain = string | { domain: string; forwarding_url: string };

/** The body of `POST /orders` (bundle order shape), as built by `buildOrderRequest`. */
export interface OrderRequest {
  user: string;
  bundle_id: string;
  sequencer: SequencerSettings;
  forwarding_url?: string;
  domains: OrderDomain[];
  personas: Persona[];
}

/** The non-secret part of an order: what a browser may hold and emit. */
export type OrderDraft = Omit<OrderRequest, 'sequencer'>;
