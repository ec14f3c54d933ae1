/**
 * What the Action's bundle gives `@actions/github` and `@actions/http-client`
 * when they import `undici` (rollup.config.js, `undiciStandIn`).
 *
 * Both import it at load time: `@actions/github` makes a proxy-aware
 * `fetch` for Octokit's defaults, and `@actions/http-client` a `ProxyAgent`
 * for it when a proxy is set. plangate gives Octokit its own transport
 * (http-fetch.ts), so that `fetch` is never called, and bundling undici
 * would make every run compile 0.96 MB it does not use. Should a library
 * update start calling it, the call fails and the gate stays blocked.
 */

/** Made by `@actions/http-client` when a proxy is set (its options ignored); never used. */
export class ProxyAgent {}

/** Never called: Octokit's requests go through http-fetch.ts. */
export function fetch(): Promise<never> {
  return Promise.reject(
    new Error(
      "plangate's bundle has no undici: requests go through src/github/http-fetch.ts"
    )
  )
}
