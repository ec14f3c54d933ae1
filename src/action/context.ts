import { readFileSync } from 'node:fs'

/**
 * What triggered the run, read from `GITHUB_EVENT_NAME` and the event JSON
 * (`GITHUB_EVENT_PATH`), reduced to what plangate uses. Text the payload
 * carries (titles, bodies, branch names) is never interpolated into a
 * shell: this action reads it as data.
 */
export type ActionEvent =
  | {
      readonly kind: 'pull_request'
      /** `pull_request` or `pull_request_target`. */
      readonly name: string
      readonly action: string
      readonly number: number
      /** Head SHA as the event saw it; the run compares it with the live one. */
      readonly headSha: string
      readonly baseRef: string
    }
  | {
      readonly kind: 'merge_group'
      readonly headSha: string
      readonly headRef: string
      readonly baseRef: string
    }
  | {
      readonly kind: 'issue_comment'
      readonly action: string
      readonly number: number
      readonly isPullRequest: boolean
      readonly commentId: number
      readonly author: EventAccount
    }
  | {
      readonly kind: 'pull_request_review'
      readonly action: string
      readonly number: number
      readonly reviewId: number
      readonly author: EventAccount
    }
  | {
      /**
       * A run of another workflow completed (App mode): a plan run of a pull
       * request, or a review nudge. The pull request is found from the run's
       * head, since `pull_requests` is empty for forks.
       */
      readonly kind: 'workflow_run'
      /** The event that started the completed run (`pull_request`, `pull_request_review`). */
      readonly triggeringEvent: string
      readonly headSha: string
      readonly headBranch: string
      /** `owner/name` of the repository the run's head is in (a fork, maybe). */
      readonly headRepo: string
      readonly pullNumbers: readonly number[]
      /** Workflow file of the completed run (`.github/workflows/plan.yml`). */
      readonly path: string
      readonly conclusion: string
    }
  | {
      /** `push`, `workflow_dispatch`, `schedule` and anything else: report only. */
      readonly kind: 'report'
      readonly name: string
    }

/** The account that wrote a comment or review, as the payload names it. */
export interface EventAccount {
  readonly login: string
  readonly id: number
  readonly type: string
}

/** Where the run happens. */
export interface ActionContext {
  readonly event: ActionEvent
  /** `owner/name`. */
  readonly repository: string
  readonly owner: string
  readonly repo: string
  readonly apiUrl: string
  /** From `GITHUB_GRAPHQL_URL`; undefined lets the adapter derive it (GHES: `/api/graphql`). */
  readonly graphqlUrl: string | undefined
  /** Link to this run, for the comment and the status. */
  readonly runUrl: string | undefined
  /** `https://github.com/owner/name`, for links to commits and comments. */
  readonly repositoryUrl: string | undefined
  /** The commit the run is for (`GITHUB_SHA`); empty when unknown. */
  readonly sha: string
  /** The ref the run is for (`GITHUB_REF`, `refs/heads/main`); empty when unknown. */
  readonly ref: string
  /** The checkout, where local git history may be found. */
  readonly workspace: string
  /** Where the JSON report is written. */
  readonly tempDir: string
}

/** An event payload plangate cannot read. */
export class EventError extends Error {
  override readonly name = 'EventError'
}

/** Reads the run's context from the runner's environment. */
export function readContext(env: NodeJS.ProcessEnv): ActionContext {
  const name = env.GITHUB_EVENT_NAME ?? ''
  const path = env.GITHUB_EVENT_PATH
  let payload: unknown = {}
  if (path !== undefined && path !== '') {
    try {
      payload = JSON.parse(readFileSync(path, 'utf8'))
    } catch (error) {
      throw new EventError(
        `${path}: expected the event payload as JSON, found ${error instanceof SyntaxError ? 'invalid JSON' : 'no readable file'}`
      )
    }
  }
  const repository = env.GITHUB_REPOSITORY ?? ''
  const [owner = '', repo = ''] = repository.split('/')
  const apiUrl = (env.GITHUB_API_URL ?? 'https://api.github.com').replace(
    /\/+$/,
    ''
  )
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(
    /\/+$/,
    ''
  )
  return {
    event: parseEvent(name, payload, path ?? '(no event file)'),
    repository,
    owner,
    repo,
    apiUrl,
    graphqlUrl:
      env.GITHUB_GRAPHQL_URL === undefined || env.GITHUB_GRAPHQL_URL === ''
        ? undefined
        : env.GITHUB_GRAPHQL_URL.replace(/\/+$/, ''),
    runUrl:
      env.GITHUB_RUN_ID !== undefined && repository !== ''
        ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined,
    repositoryUrl: repository === '' ? undefined : `${server}/${repository}`,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    tempDir: env.RUNNER_TEMP ?? process.cwd()
  }
}

/** Reduces a payload to an `ActionEvent`, checking each field it uses. */
export function parseEvent(
  name: string,
  payload: unknown,
  source: string
): ActionEvent {
  const read = reader(payload, source, name)
  switch (name) {
    case 'pull_request':
    case 'pull_request_target':
      return {
        kind: 'pull_request',
        name,
        action: read.string('action', ''),
        number: read.number('pull_request.number'),
        headSha: read.sha('pull_request.head.sha'),
        baseRef: read.string('pull_request.base.ref')
      }
    case 'merge_group':
      return {
        kind: 'merge_group',
        headSha: read.sha('merge_group.head_sha'),
        headRef: read.string('merge_group.head_ref'),
        baseRef: read
          .string('merge_group.base_ref')
          .replace(/^refs\/heads\//, '')
      }
    case 'issue_comment':
      return {
        kind: 'issue_comment',
        action: read.string('action'),
        number: read.number('issue.number'),
        isPullRequest: read.present('issue.pull_request'),
        commentId: read.number('comment.id'),
        author: read.account('comment.user')
      }
    case 'pull_request_review':
      return {
        kind: 'pull_request_review',
        action: read.string('action'),
        number: read.number('pull_request.number'),
        reviewId: read.number('review.id'),
        author: read.account('review.user')
      }
    case 'workflow_run':
      return {
        kind: 'workflow_run',
        triggeringEvent: read.string('workflow_run.event'),
        headSha: read.sha('workflow_run.head_sha'),
        headBranch: read.string('workflow_run.head_branch'),
        headRepo: read.string('workflow_run.head_repository.full_name'),
        pullNumbers: read.numbers('workflow_run.pull_requests', 'number'),
        path: read.string('workflow_run.path', ''),
        conclusion: read.string('workflow_run.conclusion', '')
      }
    default:
      return { kind: 'report', name: name || 'unknown' }
  }
}

function reader(payload: unknown, source: string, event: string) {
  const at = (path: string): unknown => {
    let value: unknown = payload
    for (const key of path.split('.')) {
      if (typeof value !== 'object' || value === null) return undefined
      value = (value as Record<string, unknown>)[key]
    }
    return value
  }
  const fail = (path: string, expected: string, found: unknown): never => {
    throw new EventError(
      `${source}: expected ${path} to be ${expected} in the ${event} event, found ${found === undefined ? 'nothing' : typeof found === 'object' ? (found === null ? 'null' : 'an object') : JSON.stringify(found)}`
    )
  }
  return {
    string(path: string, fallback?: string): string {
      const value = at(path)
      if (typeof value === 'string' && value !== '') return value
      if (fallback !== undefined && value === undefined) return fallback
      return fail(path, 'a non-empty string', value)
    },
    number(path: string): number {
      const value = at(path)
      if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0)
        return value
      return fail(path, 'a positive integer', value)
    },
    sha(path: string): string {
      const value = at(path)
      if (
        typeof value === 'string' &&
        /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(value)
      )
        return value
      return fail(path, 'a full commit SHA', value)
    },
    numbers(path: string, key: string): number[] {
      const value = at(path)
      if (value === undefined || value === null) return []
      if (!Array.isArray(value)) return fail(path, 'a list', value)
      return value.map((item: unknown, i) => {
        const n =
          typeof item === 'object' && item !== null
            ? (item as Record<string, unknown>)[key]
            : undefined
        if (typeof n === 'number' && Number.isSafeInteger(n) && n > 0) return n
        return fail(`${path}[${i}].${key}`, 'a positive integer', n)
      })
    },
    account(path: string): EventAccount {
      return {
        login: this.string(`${path}.login`),
        id: this.number(`${path}.id`),
        type: this.string(`${path}.type`)
      }
    },
    present(path: string): boolean {
      const value = at(path)
      return value !== undefined && value !== null
    }
  }
}
