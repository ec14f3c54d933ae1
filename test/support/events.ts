/**
 * Event payloads for Action tests, taken from GitHub's own webhook examples
 * (@octokit/webhooks-examples) and adjusted to a scenario, so that the
 * action reads payloads shaped exactly like the ones runners provide.
 */
import { createRequire } from 'node:module'

interface ExampleSet {
  readonly name: string
  readonly examples: readonly Record<string, unknown>[]
}

const require = createRequire(import.meta.url)
const EXAMPLES =
  require('@octokit/webhooks-examples/api.github.com/index.json') as readonly ExampleSet[]

/** A deep copy of GitHub's example payload for an event and action. */
export function examplePayload(
  event: string,
  action?: string
): Record<string, unknown> {
  const set = EXAMPLES.find((e) => e.name === event)
  const example = set?.examples.find(
    (e) => action === undefined || e.action === action
  )
  if (example === undefined)
    throw new Error(`no example payload for ${event} ${action ?? ''}`)
  return structuredClone(example)
}

/** Sets a value at a dotted path, creating objects on the way. */
export function setPath(
  target: Record<string, unknown>,
  path: string,
  value: unknown
): void {
  const keys = path.split('.')
  let node: Record<string, unknown> = target
  for (const key of keys.slice(0, -1)) {
    const next = node[key]
    if (typeof next !== 'object' || next === null) node[key] = {}
    node = node[key] as Record<string, unknown>
  }
  node[keys[keys.length - 1] ?? ''] = value
}

/** A pull_request payload for one scenario. */
export function pullRequestEvent(options: {
  readonly action?: string
  readonly number: number
  readonly headSha: string
  readonly baseRef?: string
  readonly repository?: string
}): Record<string, unknown> {
  const payload = examplePayload('pull_request', options.action ?? 'opened')
  setPath(payload, 'number', options.number)
  setPath(payload, 'pull_request.number', options.number)
  setPath(payload, 'pull_request.head.sha', options.headSha)
  setPath(payload, 'pull_request.base.ref', options.baseRef ?? 'main')
  if (options.repository !== undefined)
    setPath(payload, 'repository.full_name', options.repository)
  return payload
}
