import { execFileSync } from 'node:child_process'
import { GitSourceError } from '../io/index.js'

/**
 * The commit a local review saw (`--head`, default `HEAD`), as a full SHA:
 * the JSON report's review record names it, as the Action's names the pull
 * request's head.
 */
export function resolveHead(repo: string, head: string | undefined): string {
  const ref = head ?? 'HEAD'
  try {
    return execFileSync(
      'git',
      ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`],
      {
        cwd: repo,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }
      }
    ).trim()
  } catch (error) {
    throw new GitSourceError(
      repo,
      'rev-parse',
      `cannot resolve the head ${JSON.stringify(ref)} to a commit`,
      undefined,
      'give --head a commit of the repository',
      { cause: error }
    )
  }
}
