/**
 * The commit-source port: what attribution needs from a pull request's
 * history, whether it is read from a local clone (the CLI, `src/io/git-log.ts`)
 * or from the GitHub API (the Action). Types only; the adapters live in the
 * shell.
 */
import type { CommitFacts, PullRequestFacts } from './types.js'

/** How a commit changed one file, relative to the parent it is diffed against. */
export const FILE_CHANGE_STATUSES = [
  'added',
  'modified',
  'deleted',
  'renamed'
] as const
export type FileChangeStatus = (typeof FILE_CHANGE_STATUSES)[number]

/**
 * One hunk of a zero-context unified diff (`git diff --unified=0`).
 *
 * Every line of `removed` is an old line and every line of `added` a new
 * one, with no context lines, so the removed lines are exactly the old
 * file's lines `oldStart .. oldStart + oldLines - 1` and the added lines the
 * new file's lines `newStart .. newStart + newLines - 1`. A source whose diffs
 * carry context (the GitHub API's `patch`) splits them into such hunks.
 */
export interface Hunk {
  /**
   * First removed line in the old file (1-based). When `oldLines` is 0 the
   * hunk is a pure insertion and this is the old line after which the new
   * lines go (0: at the top), as in the unified-diff header.
   */
  readonly oldStart: number
  /** Number of removed lines (`removed.length`). */
  readonly oldLines: number
  /**
   * First added line in the new file (1-based). When `newLines` is 0 the hunk
   * is a pure deletion and this is the new line after which the removed lines
   * stood (0: at the top).
   */
  readonly newStart: number
  /** Number of added lines (`added.length`). */
  readonly newLines: number
  /**
   * The removed lines, without the `-` marker or the line break; a carriage
   * return of a CRLF file is kept.
   */
  readonly removed: readonly string[]
  /** The added lines, without the `+` marker or the line break. */
  readonly added: readonly string[]
}

/** One file a commit changed. */
export interface FileChange {
  /**
   * Repository-relative path with `/` separators: the new path, or for a
   * deleted file the path it had. Unquoted, so spaces and non-ASCII
   * characters appear as they are.
   */
  readonly path: string
  /** The path before a rename; set only when `status` is `renamed`. */
  readonly previousPath?: string
  readonly status: FileChangeStatus
  /**
   * The changed lines in file order. Empty for binary files, for a pure
   * rename or mode change, and for an empty file added or deleted.
   */
  readonly hunks: readonly Hunk[]
}

/**
 * A commit of the reviewed range with what attribution needs: the detector's
 * facts plus the commit's diff.
 */
export type SourceCommit = CommitFacts & {
  /**
   * Full SHAs of the parents, first parent first; empty for a root commit,
   * two or more for a merge.
   */
  readonly parents: readonly string[]
  /** The message's title, as `git log --format=%s` shows it (one line). */
  readonly subject: string
  /** Author date in strict ISO 8601 with the author's offset (`%aI`). */
  readonly authorDate: string
  /**
   * The commit's diff against its first parent (against the empty tree for a
   * root commit), limited to the paths the source was asked about. For a
   * merge this is everything the merge brought into the first parent's line,
   * side-branch changes included, so attribution should prefer the
   * non-merge commits that made the same lines and blame a merge only for
   * what no other commit in the range explains.
   */
  readonly files: readonly FileChange[]
  /**
   * True when the source could not read this commit's diff (`files` is then
   * empty but says nothing): attribution must assume the commit may have
   * changed anything.
   */
  readonly filesUnknown?: true
}

/**
 * Where the commits of a change come from: a local clone for the CLI, the
 * pull request API for the Action. Both feed the same attribution code.
 */
export interface CommitSource {
  /** The commits of the reviewed range (`base..head`), oldest first. */
  listCommits(): Promise<readonly SourceCommit[]>
  /**
   * The pull request the commits belong to, or `undefined` when there is
   * none (a local review), so that PR-level rules simply do not fire.
   */
  pullRequest(): Promise<PullRequestFacts | undefined>
}
