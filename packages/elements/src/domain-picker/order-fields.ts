/**
 * The non-secret order fields a host gives `<peeker-domain-picker>` through its `order`
 * property; the element adds `domains` and emits the result in `peeker-order-ready`. There is deliberately no
 * `sequencer`: Smartlead credentials never reach the browser.
 */
export interface OrderFields {
  /** The customer: an email address or an existing `usr_…` id. */
  user?: string;
  /** The bundle (`bun_…`) the order uses. */
  bundle_id?: string;
  /** Default web redirect for every domain (absolute http(s) URL). */
  forwarding_url?: string | null;
  /** 1–10 people whose names become the inbox usernames. */
  personas?: ReadonlyArray<{
    readonly first_name: string;
    readonly last_name: string;
    readonly profile_picture_url?: string | null;
  }>;
}
