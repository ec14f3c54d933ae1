import type { History } from '../analyze.js'
import { classifyCommit, versionKey } from '../attribution/index.js'
import type {
  FileChange,
  FileChangeStatus,
  Hunk,
  PullRequestFacts,
  RuleSet,
  SourceCommit
} from '../attribution/index.js'
import { PR_AUTHOR_TYPES } from '../attribution/types.js'
import type { PrAuthorType } from '../attribution/types.js'
import { readFileVersions, readLocalCommits } from '../io/git-log.js'
import type { CommitFile, GitHubPort, PullCommit, PullRequest } from './port.js'

/**
 * Commits whose diffs are read through the API when the checkout does not
 * have them (one request each). Past this, the remaining commits are
 * reviewed without diffs and a warning says so: a checkout with
 * `fetch-depth: 0` avoids the whole cost.
 */
export const MAX_API_DIFF_COMMITS = 100

/** What reading a pull request's history found, besides the history itself. */
export interface PullHistory {
  readonly history: History
  /** The pull request's commits as the API lists them (with GitHub logins). */
  readonly pullCommits: readonly PullCommit[]
  readonly pullRequest: PullRequestFacts
  /** Commits whose diffs came from the local checkout. */
  readonly localDiffs: number
  /** Commits whose diffs came from the API. */
  readonly apiDiffs: number
  readonly warnings: readonly string[]
}

/**
 * The GitHub side of the commit-source port: the pull request's commit list
 * and identities come from the API (the authority on what the pull request
 * contains, at most 250 through REST and the rest through GraphQL, never a
 * truncated list); diffs and file versions come from the local checkout when
 * it has the commits, else from the API.
 */
export async function readPullHistory(options: {
  readonly port: GitHubPort
  readonly pr: PullRequest
  readonly workspace: string
  readonly rules: RuleSet
  readonly rootDirs: ReadonlyMap<string, string>
  readonly log?: (message: string) => void
}): Promise<PullHistory> {
  const { port, pr, workspace } = options
  const log = options.log ?? (() => undefined)
  const listed = await port.listPullCommits(pr.number, pr.commitCount)
  const warnings: string[] = []

  let local: SourceCommit[] = []
  try {
    local = readLocalCommits({
      repo: workspace,
      base: pr.baseSha,
      head: pr.headSha
    })
  } catch (error) {
    log(
      `local history not used: ${error instanceof Error ? error.message : String(error)}`
    )
  }
  const localBySha = new Map(local.map((commit) => [commit.sha, commit]))

  const pullRequest: PullRequestFacts = {
    authorLogin: pr.author.login,
    authorType: authorType(pr.author.type),
    body: pr.body,
    headBranch: pr.headRef
  }
  const verdicts = new Map(
    listed.map((commit) => [
      commit.sha,
      classifyCommit(toFacts(commit), pullRequest, options.rules)
    ])
  )
  // Past the budget, read AI and automation commits' diffs first: theirs decide the gate.
  const rank = (sha: string): number =>
    ({ ai: 0, automation: 1, human: 2 })[verdicts.get(sha)?.verdict ?? 'human']
  const missing = listed
    .filter((commit) => !localBySha.has(commit.sha))
    .map((commit, index) => ({ commit, index }))
    .sort(
      (a, b) => rank(a.commit.sha) - rank(b.commit.sha) || a.index - b.index
    )
    .map(({ commit }) => commit)
  const fetched = missing.slice(0, MAX_API_DIFF_COMMITS)
  if (missing.length > fetched.length)
    warnings.push(
      `${missing.length} commits of the pull request are not in the checkout; the diffs of ${missing.length - fetched.length} of them were not read (at most ${MAX_API_DIFF_COMMITS} through the API, AI commits first), so destructive changes they may have caused count as unattributed. Check out with fetch-depth: 0 so that every commit can be attributed.`
    )
  const apiFiles = new Map<string, FileChange[]>()
  for (const commit of fetched)
    apiFiles.set(
      commit.sha,
      (await port.getCommitFiles(commit.sha)).map(toFileChange)
    )

  const commits: SourceCommit[] = listed.map((commit) => {
    const fromLocal = localBySha.get(commit.sha)
    const files = fromLocal?.files ?? apiFiles.get(commit.sha)
    return {
      ...toFacts(commit),
      ...(fromLocal?.notes === undefined ? {} : { notes: fromLocal.notes }),
      files: files ?? [],
      ...(files === undefined ? { filesUnknown: true as const } : {})
    }
  })

  const isTf = (path: string): boolean => path.endsWith('.tf')
  const versions = new Map<
    string,
    { readonly before?: string; readonly after?: string }
  >()
  const localCommits = commits.filter((c) => localBySha.has(c.sha))
  if (localCommits.length > 0)
    for (const version of readFileVersions(workspace, localCommits, isTf))
      versions.set(versionKey(version.sha, version.path), {
        ...(version.before === undefined ? {} : { before: version.before }),
        ...(version.after === undefined ? {} : { after: version.after })
      })
  await readApiVersions(
    port,
    commits.filter((c) => apiFiles.has(c.sha)),
    isTf,
    versions
  )

  return {
    history: {
      commits,
      // The notes of a local commit can add evidence: classify again with them.
      verdicts: commits.map((commit) =>
        commit.notes === undefined
          ? (verdicts.get(commit.sha) ??
            classifyCommit(commit, pullRequest, options.rules))
          : classifyCommit(commit, pullRequest, options.rules)
      ),
      versions,
      rootDirs: options.rootDirs
    },
    pullCommits: listed,
    pullRequest,
    localDiffs: localCommits.length,
    apiDiffs: apiFiles.size,
    warnings
  }
}

function toFacts(commit: PullCommit): Omit<SourceCommit, 'files'> {
  const subject = commit.message.split('\n', 1)[0] ?? ''
  return {
    sha: commit.sha,
    parents: commit.parents,
    author: { name: commit.author.name, email: commit.author.email },
    committer: { name: commit.committer.name, email: commit.committer.email },
    message: commit.message,
    subject,
    authorDate: commit.author.date
  }
}

function authorType(type: string): PrAuthorType {
  return PR_AUTHOR_TYPES.find((t) => t === type) ?? 'User'
}

const STATUS: Readonly<Record<string, FileChangeStatus>> = {
  added: 'added',
  copied: 'added',
  modified: 'modified',
  changed: 'modified',
  unchanged: 'modified',
  removed: 'deleted',
  renamed: 'renamed'
}

/** An API file entry as the port's zero-context hunks. */
export function toFileChange(file: CommitFile): FileChange {
  const status = STATUS[file.status] ?? 'modified'
  return {
    path: file.path,
    ...(status === 'renamed' && file.previousPath !== undefined
      ? { previousPath: file.previousPath }
      : {}),
    status,
    hunks: file.patch === undefined ? [] : splitPatch(file.patch)
  }
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

/**
 * Splits a unified diff with context (the API's `patch`) into zero-context
 * hunks, as `git diff --unified=0` would give them: each run of removed
 * and added lines between context lines becomes one hunk.
 */
export function splitPatch(patch: string): Hunk[] {
  const hunks: Hunk[] = []
  let oldLine = 0
  let newLine = 0
  let removed: string[] = []
  let added: string[] = []
  let oldStart = 0
  let newStart = 0
  const flush = (): void => {
    if (removed.length === 0 && added.length === 0) return
    hunks.push({
      oldStart: removed.length === 0 ? oldStart - 1 : oldStart,
      oldLines: removed.length,
      newStart: added.length === 0 ? newStart - 1 : newStart,
      newLines: added.length,
      removed,
      added
    })
    removed = []
    added = []
  }
  for (const line of patch.split('\n')) {
    const header = HUNK_HEADER.exec(line)
    if (header !== null) {
      flush()
      oldLine = Number(header[1])
      newLine = Number(header[3])
      // An empty side (`-0,0`) starts before line 1.
      if (header[2] === '0') oldLine++
      if (header[4] === '0') newLine++
      continue
    }
    const mark = line[0]
    if (mark === '-' || mark === '+') {
      if (removed.length === 0 && added.length === 0) {
        oldStart = oldLine
        newStart = newLine
      }
      if (mark === '-') {
        removed.push(line.slice(1))
        oldLine++
      } else {
        added.push(line.slice(1))
        newLine++
      }
    } else if (mark === '\\') {
      continue
    } else if (mark === ' ' || line === '') {
      flush()
      oldLine++
      newLine++
    }
  }
  flush()
  return hunks
}

async function readApiVersions(
  port: GitHubPort,
  commits: readonly SourceCommit[],
  include: (path: string) => boolean,
  versions: Map<string, { readonly before?: string; readonly after?: string }>
): Promise<void> {
  const wanted: { ref: string; path: string }[] = []
  const slots: { key: string; side: 'before' | 'after'; index: number }[] = []
  for (const commit of commits) {
    for (const file of commit.files) {
      if (!include(file.path)) continue
      const key = versionKey(commit.sha, file.path)
      const parent = commit.parents[0]
      if (file.status !== 'added' && parent !== undefined) {
        slots.push({ key, side: 'before', index: wanted.length })
        wanted.push({ ref: parent, path: file.previousPath ?? file.path })
      }
      if (file.status !== 'deleted') {
        slots.push({ key, side: 'after', index: wanted.length })
        wanted.push({ ref: commit.sha, path: file.path })
      }
    }
  }
  if (wanted.length === 0) return
  const files = await port.readFiles(wanted)
  for (const slot of slots) {
    const text = files[slot.index]?.text
    if (text === undefined) continue
    versions.set(slot.key, { ...versions.get(slot.key), [slot.side]: text })
  }
}
