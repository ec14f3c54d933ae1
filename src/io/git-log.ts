import { execFileSync } from 'node:child_process'
import type {
  CommitSource,
  FileChange,
  FileChangeStatus,
  Hunk,
  SourceCommit
} from '../attribution/port.js'

/** Upper bound on one git command's output; V8 strings stop near 512 MiB. */
export const MAX_GIT_OUTPUT_BYTES = 256 * 1024 * 1024

/** Longest excerpt of git's stderr an error message quotes. */
const MAX_STDERR_CHARS = 200

/**
 * Git (or the repository it reads) cannot give plangate the commits to
 * review. The message is one line: the repository, what failed, git's first
 * stderr line when it has one, and what to do about it. It never quotes file
 * content.
 */
export class GitSourceError extends Error {
  override readonly name = 'GitSourceError'
  /** The repository directory as the caller passed it. */
  readonly repo: string
  /** The git subcommand that failed (`log`, `rev-parse`), or `git` itself. */
  readonly command: string
  /** The first non-empty line git wrote to stderr, truncated. */
  readonly stderr: string | undefined
  readonly hint: string | undefined

  constructor(
    repo: string,
    command: string,
    problem: string,
    stderr?: string,
    hint?: string,
    options?: ErrorOptions
  ) {
    super(
      `${repo}: ${problem}${stderr === undefined ? '' : ` (git ${command}: ${stderr})`}${hint === undefined ? '' : `; ${hint}`}`,
      options
    )
    this.repo = repo
    this.command = command
    this.stderr = stderr
    this.hint = hint
  }
}

/** What to read: a repository and the range of commits under review. */
export interface LocalCommitOptions {
  /** A directory inside the repository's working tree (or a bare repository). */
  readonly repo: string
  /** The ref or SHA the change is compared against (`origin/main`). */
  readonly base: string
  /** The tip of the change; default `HEAD`. */
  readonly head?: string
  /**
   * Git pathspecs that limit the diffs (not the commits), e.g. `['*.tf']`
   * (git's `*` also matches `/`, so that covers every directory). Undefined
   * or empty: every file.
   */
  readonly paths?: readonly string[]
}

const LOG_FIELDS = [
  '%H',
  '%P',
  '%an',
  '%ae',
  '%cn',
  '%ce',
  '%aI',
  '%s',
  '%N',
  '%B'
] as const

/**
 * Reads the commits of `base..head` from a local clone, oldest first, with
 * their messages, identities, `refs/notes/ai` notes and zero-context diffs:
 * everything the CLI needs for attribution, without a network.
 *
 * Order is `git rev-list --reverse --topo-order`. Each commit is diffed
 * against its first parent (see `SourceCommit.files`), with renames found.
 */
export function readLocalCommits(options: LocalCommitOptions): SourceCommit[] {
  const { repo } = options
  const shallow =
    runGit(repo, ['rev-parse', '--is-shallow-repository']).trim() === 'true'
  const base = resolveCommit(repo, 'base', options.base, shallow)
  const head = resolveCommit(repo, 'head', options.head ?? 'HEAD', shallow)
  if (shallow) requireMergeBase(repo, options.base, base, head)

  const log = runGit(repo, [
    'log',
    '-z',
    '--reverse',
    '--topo-order',
    '--encoding=UTF-8',
    '--no-show-signature',
    '--no-notes',
    '--notes=ai',
    `--format=${LOG_FIELDS.join('%x00')}`,
    `${base}..${head}`,
    '--'
  ])
  const commits = parseLog(repo, log)
  if (commits.length === 0) return []

  // One diff-tree for the whole range: `SHA PARENT` diffs against that parent only.
  const input = commits
    .map((c) =>
      c.parents[0] === undefined ? c.sha : `${c.sha} ${c.parents[0]}`
    )
    .join('\n')
  const patch = runGit(
    repo,
    [
      'diff-tree',
      '--stdin',
      '--root',
      '-r',
      '-p',
      '--unified=0',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--find-renames',
      '--submodule=short',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      '--',
      ...(options.paths ?? [])
    ],
    `${input}\n`
  )
  const diffs = parseDiffTree(repo, patch)
  return commits.map((c) => ({ ...c, files: diffs.get(c.sha) ?? [] }))
}

/** The CLI's `CommitSource`: local commits, read once, and no pull request. */
export function createLocalCommitSource(
  options: LocalCommitOptions
): CommitSource {
  let commits: SourceCommit[] | undefined
  return {
    listCommits: () => {
      try {
        commits ??= readLocalCommits(options)
        return Promise.resolve(commits)
      } catch (error) {
        return Promise.reject(
          error instanceof Error ? error : new Error(String(error))
        )
      }
    },
    pullRequest: () => Promise.resolve(undefined)
  }
}

/** A changed file's text around one commit, for locating blocks by line. */
export interface FileVersion {
  readonly sha: string
  /** `FileChange.path` of that commit. */
  readonly path: string
  /** The file at the first parent (at `previousPath` for a rename); absent when added. */
  readonly before?: string
  /** The file at the commit; absent when deleted. */
  readonly after?: string
}

/**
 * Reads, in one `git cat-file --batch`, the text before and after each
 * commit of every changed file `include` accepts, because hunks give line
 * numbers and attribution needs the blocks around them.
 */
export function readFileVersions(
  repo: string,
  commits: readonly SourceCommit[],
  include: (path: string) => boolean = () => true
): FileVersion[] {
  const wanted: {
    sha: string
    path: string
    before?: string
    after?: string
  }[] = []
  const requests: string[] = []
  for (const commit of commits) {
    for (const file of commit.files) {
      const before = file.previousPath ?? file.path
      // cat-file reads one name a line: a path with a line break cannot be asked for.
      if (!include(file.path) || /[\n\r]/.test(file.path + before)) continue
      const parent = commit.parents[0]
      wanted.push({
        sha: commit.sha,
        path: file.path,
        ...(file.status === 'added' || parent === undefined
          ? {}
          : { before: `${parent}:${before}` }),
        ...(file.status === 'deleted'
          ? {}
          : { after: `${commit.sha}:${file.path}` })
      })
    }
  }
  for (const w of wanted) {
    if (w.before !== undefined) requests.push(w.before)
    if (w.after !== undefined) requests.push(w.after)
  }
  if (requests.length === 0) return []
  const out = runGitBytes(
    repo,
    ['cat-file', '--batch'],
    `${requests.join('\n')}\n`
  )
  const blobs = new Map<string, string | undefined>()
  let at = 0
  for (const request of requests) {
    const eol = out.indexOf(0x0a, at)
    if (eol < 0) throw catFileError(repo)
    const header = out.toString('utf8', at, eol)
    at = eol + 1
    if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
      blobs.set(request, undefined)
      continue
    }
    const size = Number(header.split(' ')[2])
    if (!Number.isInteger(size) || at + size > out.length) {
      throw catFileError(repo)
    }
    blobs.set(request, out.toString('utf8', at, at + size))
    at += size + 1
  }
  return wanted.map((w) => {
    const before = w.before === undefined ? undefined : blobs.get(w.before)
    const after = w.after === undefined ? undefined : blobs.get(w.after)
    return {
      sha: w.sha,
      path: w.path,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after })
    }
  })
}

function catFileError(repo: string): GitSourceError {
  return new GitSourceError(
    repo,
    'cat-file',
    'unexpected git cat-file output',
    undefined,
    'please open an issue with your git version'
  )
}

function resolveCommit(
  repo: string,
  which: 'base' | 'head',
  ref: string,
  shallow: boolean
): string {
  const sha =
    ref === ''
      ? ''
      : runGit(
          repo,
          [
            'rev-parse',
            '--verify',
            '--quiet',
            '--end-of-options',
            `${ref}^{commit}`
          ],
          undefined,
          true
        ).trim()
  if (/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha)) return sha
  const fetch = `git fetch origin ${ref.replace(/^(?:refs\/remotes\/)?origin\//, '')}`
  const hint =
    which === 'head'
      ? 'check out the change or pass --head with a ref or SHA that exists locally'
      : shallow
        ? `this is a shallow clone: fetch the base (${fetch}) or deepen it (git fetch --unshallow); in GitHub Actions use actions/checkout with fetch-depth: 0`
        : `fetch it first (${fetch}); in GitHub Actions use actions/checkout with fetch-depth: 0`
  return fail(repo, 'rev-parse', `unknown ${which} ref "${ref}"`, hint)
}

/** In a shallow clone `base..head` is silently wrong when the histories do not meet. */
function requireMergeBase(
  repo: string,
  baseRef: string,
  base: string,
  head: string
): void {
  const found = runGit(
    repo,
    ['merge-base', '--end-of-options', base, head],
    undefined,
    true
  ).trim()
  if (found !== '') return
  fail(
    repo,
    'merge-base',
    `shallow clone without the history that joins "${baseRef}" and the head`,
    'deepen it (git fetch --deepen=200, or git fetch --unshallow); in GitHub Actions use actions/checkout with fetch-depth: 0'
  )
}

function fail(
  repo: string,
  command: string,
  problem: string,
  hint: string
): never {
  throw new GitSourceError(repo, command, problem, undefined, hint)
}

/** Variables a calling hook or wrapper may set that would point git elsewhere. */
const REPOSITORY_ENV = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_COMMON_DIR',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_NAMESPACE',
  'GIT_NOTES_REF'
] as const

/**
 * Runs one read-only git command in `repo` and returns its stdout. With
 * `allowFailure`, an exit status of 1 (git's "not found" for `--verify
 * --quiet` and `merge-base`) returns `''` instead of throwing.
 */
function runGit(
  repo: string,
  args: readonly string[],
  input?: string,
  allowFailure = false
): string {
  return runGitBytes(repo, args, input, allowFailure).toString('utf8')
}

function runGitBytes(
  repo: string,
  args: readonly string[],
  input?: string,
  allowFailure = false
): Buffer {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C' }
  for (const name of REPOSITORY_ENV) delete env[name]
  try {
    return execFileSync(
      'git',
      ['-C', repo, '-c', 'core.quotepath=off', ...args],
      {
        env,
        maxBuffer: MAX_GIT_OUTPUT_BYTES,
        stdio: ['pipe', 'pipe', 'pipe'],
        ...(input === undefined ? {} : { input })
      }
    )
  } catch (error) {
    if (
      allowFailure &&
      exitStatus(error) === 1 &&
      stderrLine(error) === undefined
    ) {
      return Buffer.alloc(0)
    }
    throw toGitError(repo, args[0] ?? 'git', error)
  }
}

function toGitError(
  repo: string,
  command: string,
  error: unknown
): GitSourceError {
  const code = property(error, 'code')
  if (code === 'ENOENT' && exitStatus(error) === undefined) {
    return new GitSourceError(
      repo,
      'git',
      'git is not installed or not on PATH',
      undefined,
      'install git (https://git-scm.com/downloads) and run again',
      { cause: error }
    )
  }
  if (code === 'ENOBUFS') {
    return new GitSourceError(
      repo,
      command,
      `git ${command} wrote more than ${MAX_GIT_OUTPUT_BYTES / 1024 / 1024} MiB`,
      undefined,
      'review a shorter range (--base) or limit the diffs to infrastructure files',
      { cause: error }
    )
  }
  const stderr = stderrLine(error)
  if (stderr !== undefined && /not a git repository/i.test(stderr)) {
    return new GitSourceError(
      repo,
      command,
      'not a git repository',
      stderr,
      'pass --repo with a directory inside the clone that holds the change',
      { cause: error }
    )
  }
  if (stderr !== undefined && /cannot change to/i.test(stderr)) {
    return new GitSourceError(
      repo,
      command,
      'no such directory',
      stderr,
      'pass --repo with an existing directory',
      { cause: error }
    )
  }
  return new GitSourceError(
    repo,
    command,
    `git ${command} failed${exitStatus(error) === undefined ? '' : ` with exit status ${exitStatus(error)}`}`,
    stderr,
    undefined,
    { cause: error }
  )
}

function property(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value
    ? (value as Record<string, unknown>)[key]
    : undefined
}

function exitStatus(error: unknown): number | undefined {
  const status = property(error, 'status')
  return typeof status === 'number' ? status : undefined
}

function stderrLine(error: unknown): string | undefined {
  const stderr = property(error, 'stderr')
  const text =
    typeof stderr === 'string'
      ? stderr
      : Buffer.isBuffer(stderr)
        ? stderr.toString('utf8')
        : ''
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '')
  if (line === undefined) return undefined
  return line.length > MAX_STDERR_CHARS
    ? `${line.slice(0, MAX_STDERR_CHARS - 1)}…`
    : line
}

type LogCommit = Omit<SourceCommit, 'files'>

function parseLog(repo: string, text: string): LogCommit[] {
  if (text === '') return []
  const fields = (text.endsWith('\0') ? text.slice(0, -1) : text).split('\0')
  const width = LOG_FIELDS.length
  if (fields.length % width !== 0) {
    throw new GitSourceError(
      repo,
      'log',
      `unexpected git log output (${fields.length} fields, expected a multiple of ${width})`
    )
  }
  const commits: LogCommit[] = []
  for (let i = 0; i < fields.length; i += width) {
    const [sha, parents, an, ae, cn, ce, date, subject, notes, message] =
      fields.slice(i, i + width) as [
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string
      ]
    commits.push({
      sha,
      parents: parents === '' ? [] : parents.split(' '),
      author: { name: an, email: ae },
      committer: { name: cn, email: ce },
      authorDate: date,
      subject,
      message,
      ...(notes === '' ? {} : { notes })
    })
  }
  return commits
}

const COMMIT_LINE = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

interface FileDraft {
  header: { a: string; b: string } | undefined
  status: FileChangeStatus
  from: string | undefined
  to: string | undefined
  oldName: string | undefined
  newName: string | undefined
  hunks: Hunk[]
}

/**
 * Parses `git diff-tree --stdin -p --unified=0` output: a commit line, then
 * that commit's file sections. Commits with no change in the pathspec have
 * no section at all.
 */
function parseDiffTree(repo: string, text: string): Map<string, FileChange[]> {
  const byCommit = new Map<string, FileChange[]>()
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  let files: FileChange[] | undefined
  let file: FileDraft | undefined
  const flush = (): void => {
    if (file !== undefined && files !== undefined)
      files.push(finishFile(repo, file))
    file = undefined
  }
  const malformed = (index: number, what: string): GitSourceError =>
    new GitSourceError(
      repo,
      'diff-tree',
      `unexpected git diff-tree output at line ${index + 1}: ${what}`,
      undefined,
      'please open an issue with your git version'
    )

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (COMMIT_LINE.test(line)) {
      flush()
      files = []
      byCommit.set(line, files)
      continue
    }
    if (line.startsWith('diff --git ')) {
      if (files === undefined) throw malformed(i, 'a file before any commit')
      flush()
      file = {
        header: splitHeader(line.slice('diff --git '.length)),
        status: 'modified',
        from: undefined,
        to: undefined,
        oldName: undefined,
        newName: undefined,
        hunks: []
      }
      continue
    }
    if (file === undefined) {
      // Only the commit line and file sections are expected; tolerate blank lines.
      if (line === '') continue
      throw malformed(i, 'text outside a file section')
    }
    const hunk = HUNK_HEADER.exec(line)
    if (hunk !== null) {
      const oldLines = hunk[2] === undefined ? 1 : Number(hunk[2])
      const newLines = hunk[4] === undefined ? 1 : Number(hunk[4])
      const removed: string[] = []
      const added: string[] = []
      while (removed.length < oldLines || added.length < newLines) {
        i++
        const body = lines[i]
        if (body === undefined) throw malformed(i, 'a hunk cut short')
        if (body.startsWith('\\')) continue
        if (body.startsWith('-') && removed.length < oldLines) {
          removed.push(body.slice(1))
        } else if (body.startsWith('+') && added.length < newLines) {
          added.push(body.slice(1))
        } else {
          throw malformed(i, 'a hunk line that does not match its header')
        }
      }
      file.hunks.push({
        oldStart: Number(hunk[1]),
        oldLines,
        newStart: Number(hunk[3]),
        newLines,
        removed,
        added
      })
      continue
    }
    if (line.startsWith('\\')) continue // "\ No newline at end of file"
    if (line.startsWith('new file mode ')) file.status = 'added'
    else if (line.startsWith('deleted file mode ')) file.status = 'deleted'
    else if (line.startsWith('rename from ')) {
      file.status = 'renamed'
      file.from = unquote(line.slice('rename from '.length))
    } else if (line.startsWith('rename to ')) {
      file.to = unquote(line.slice('rename to '.length))
    } else if (line.startsWith('copy to ')) {
      // Copies are not searched for; if git reports one, the copy is new.
      file.status = 'added'
      file.to = unquote(line.slice('copy to '.length))
    } else if (line.startsWith('--- ')) {
      file.oldName = diffName(line.slice(4), 'a/')
    } else if (line.startsWith('+++ ')) {
      file.newName = diffName(line.slice(4), 'b/')
    }
    // Other extended headers (index, mode, similarity, "Binary files ...
    // differ", copy from) add nothing the port carries.
  }
  flush()
  return byCommit
}

function finishFile(repo: string, file: FileDraft): FileChange {
  const path =
    file.status === 'deleted'
      ? (file.oldName ?? file.header?.a)
      : (file.newName ?? file.to ?? file.header?.b)
  if (path === undefined) {
    throw new GitSourceError(
      repo,
      'diff-tree',
      'unexpected git diff-tree output: a file section without a path',
      undefined,
      'please open an issue with your git version'
    )
  }
  const previousPath =
    file.status === 'renamed' ? (file.from ?? file.oldName) : undefined
  return {
    path,
    ...(previousPath === undefined ? {} : { previousPath }),
    status: file.status,
    hunks: file.hunks
  }
}

/** `a/x` or `/dev/null` from a `---`/`+++` line; undefined for /dev/null. */
function diffName(raw: string, prefix: string): string | undefined {
  // Git ends the name with a tab when it contains a space.
  const name = raw.startsWith('"') ? unquote(raw) : raw.replace(/\t$/, '')
  if (name === '/dev/null') return undefined
  return name.startsWith(prefix) ? name.slice(prefix.length) : name
}

/**
 * Splits `a/X b/Y` from a `diff --git` line. Only needed for sections with no
 * `---`/`+++` or rename lines (binary files, mode changes, empty files), where
 * both names are the same, so an unquoted header splits in the middle.
 */
function splitHeader(rest: string): { a: string; b: string } | undefined {
  if (rest.startsWith('"')) {
    const [a, after] = readQuoted(rest)
    const second = after.replace(/^ /, '')
    const b = second.startsWith('"') ? readQuoted(second)[0] : second
    return strip(a, b)
  }
  const half = (rest.length - 1) / 2
  if (Number.isInteger(half) && rest[half] === ' ') {
    const a = rest.slice(0, half)
    const b = rest.slice(half + 1)
    if (a.slice(2) === b.slice(2)) return strip(a, b)
  }
  const at = rest.indexOf(' b/')
  if (at < 0) return undefined
  const b = rest.slice(at + 1)
  return strip(rest.slice(0, at), b.startsWith('"') ? readQuoted(b)[0] : b)
}

function strip(a: string, b: string): { a: string; b: string } {
  return {
    a: a.startsWith('a/') ? a.slice(2) : a,
    b: b.startsWith('b/') ? b.slice(2) : b
  }
}

/** A path as git prints it, C-quoted when it holds special characters. */
function unquote(raw: string): string {
  return raw.startsWith('"') ? readQuoted(raw)[0] : raw
}

const ESCAPES: Readonly<Record<string, number>> = {
  a: 7,
  b: 8,
  t: 9,
  n: 10,
  v: 11,
  f: 12,
  r: 13,
  '"': 34,
  '\\': 92
}

/**
 * Reads one C-style quoted string (git's `quote_c_style`) from the start of
 * `raw` and returns it with the rest. Octal escapes are bytes, so the result
 * is decoded as UTF-8 once all bytes are known.
 */
function readQuoted(raw: string): [string, string] {
  const bytes: number[] = []
  let i = 1
  for (; i < raw.length; i++) {
    const code = raw.codePointAt(i) ?? 0
    if (code === 34) break // "
    if (code !== 92) {
      // A character outside the BMP takes two UTF-16 units.
      const ch = String.fromCodePoint(code)
      bytes.push(...Buffer.from(ch, 'utf8'))
      i += ch.length - 1
      continue
    }
    const next = raw[i + 1] ?? ''
    const octal = /^[0-7]{3}/.exec(raw.slice(i + 1, i + 4))
    if (octal !== null) {
      bytes.push(parseInt(octal[0], 8))
      i += 3
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0))
      i += 1
    }
  }
  return [Buffer.from(bytes).toString('utf8'), raw.slice(i + 1)]
}
