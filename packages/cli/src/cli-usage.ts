/** Help texts of the `peeker-domains` CLI. */

/** `peeker-domains --help`. */
export const MAIN_USAGE = `Usage: peeker-domains <command> [options]

Pick the cheapest valid set of Peeker sending domains for a brand, from the command line.

Commands:
  pick <brand>   generate candidates, check availability, print the cheapest valid set
  estimate       estimate how many Google and Microsoft domains a sending volume needs

Options:
  -h, --help     show help (also: peeker-domains <command> --help)
  -v, --version  print the version

With no PEEKER_API_KEY the CLI runs against the embedded local sandbox
(@peeker/sandbox): fake names and prices, nothing is bought. Set PEEKER_API_KEY
(and optionally --base-url) to check against the real Peeker API.

Exit codes: 0 ok, 1 infeasible, 2 usage error, 3 API error, 70 internal error,
130 interrupted.
`;

/** `peeker-domains pick --help`. */
export const PICK_USAGE = `Usage: peeker-domains pick <brand> --google <n> --microsoft <n> [options]

Generates candidate names for <brand>, checks them in batches of 50, and prints the
cheapest set with exactly <n> Google-capable and <n> Microsoft-capable domains. When the
names checked so far cannot fill the order, it checks more (up to --limit).

Options:
  --google <n>       Google domains the order needs                  (default 0)
  --microsoft <n>    Microsoft domains the order needs               (default 0)
  --tlds <list>      TLDs to try, in preference order: com,org,net   (default com,org,net,co,io)
  --years <n>        cost horizon: first year + (n - 1) renewals     (default 1)
  --limit <n>        most candidate names to check in total          (default 1000)
  --max-per-pattern <n>
                     most domains of one naming pattern (getacme, acmehq,
                     acme-mail…); relaxed when no set fits; 0 = no cap (default a third
                     of the order, rounded up)
  --json             print JSON on stdout instead of a table
  --base-url <url>   Peeker API base URL (needs PEEKER_API_KEY)      (default https://api.peeker.ai/partner/v1)
  --sandbox          use the embedded sandbox even when PEEKER_API_KEY is set
  -h, --help         show this help

Environment:
  PEEKER_API_KEY     pk_live_... or pk_test_... key; never printed. Without it the
                     embedded sandbox is used.

Examples:
  peeker-domains pick acme --google 15 --microsoft 4
  peeker-domains pick "acme rockets" --google 6 --microsoft 2 --tlds com,org --years 2 --json
  PEEKER_API_KEY=pk_test_... peeker-domains pick acme --google 15 --microsoft 4
`;

/** `peeker-domains estimate --help`. */
export const ESTIMATE_USAGE = `Usage: peeker-domains estimate --volume <emails a month> [options]

Estimates how many domains a Peeker bundle of that size needs. This is an estimate fitted
to Peeker's two published examples; a real bundle's required_domains always wins.

Options:
  --volume <n>              emails per month (required)
  --google-percent <n>      Google share, 0-100 (set one, the other is 100 minus it; default 50/50)
  --microsoft-percent <n>   Microsoft share, 0-100
  --weekends                send on weekends too (30 sending days a month instead of 22)
  --inboxes <2|3>           Google inboxes per domain                (default 2)
  --json                    print JSON on stdout
  -h, --help                show this help

Example:
  peeker-domains estimate --volume 25000            # Google 15, Microsoft 4, total 19
`;
