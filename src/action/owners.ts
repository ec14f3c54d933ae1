/** Code owners for `approval.approvers: [codeowners]`: the base branch's CODEOWNERS, the files that declare each change, sibling pull requests. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  declaringDirs,
  declaringFiles,
  declaringKey
} from '../attribution/index.js'
import type { ConfigFile } from '../attribution/index.js'
import {
  CODEOWNERS_PATHS,
  groupByOwners,
  parseCodeowners
} from '../gate/index.js'
import type {
  Codeowners,
  DigestItem,
  OwnedItem,
  Ownership
} from '../gate/index.js'
import type { GitHubPort, PullRequest } from '../github/port.js'
import { readRegularFile } from '../io/index.js'
import type { Analysis } from '../model.js'
import type { ActionLog } from './types.js'

/** Terraform configuration files read to find a resource's block. */
const TF_FILE = /\.(tf|tofu)$/

/**
 * The base commit's CODEOWNERS, from the first of GitHub's three locations
 * that holds one. Missing or unreadable: undefined and why, for the
 * fallback (the status says which applied).
 */
export async function readCodeowners(
  port: GitHubPort,
  pr: PullRequest,
  log: ActionLog
): Promise<{ codeowners?: Codeowners; missing?: string }> {
  let files
  try {
    files = await port.readFiles(
      CODEOWNERS_PATHS.map((path) => ({ ref: pr.baseSha, path }))
    )
  } catch (error) {
    log.warning(
      `CODEOWNERS at ${pr.baseRef} (${pr.baseSha.slice(0, 12)}) could not be read (${error instanceof Error ? error.message : String(error)}); approval.codeowners-fallback applies to every gated change`
    )
    return { missing: 'CODEOWNERS unreadable at base' }
  }
  const found = files.find((file) => file.text !== undefined)
  if (found?.text === undefined) {
    log.info(
      `no CODEOWNERS at ${pr.baseRef} (${CODEOWNERS_PATHS.join(', ')}); approval.codeowners-fallback applies to every gated change`
    )
    return { missing: 'no CODEOWNERS at base' }
  }
  const codeowners = parseCodeowners(found.text, found.path)
  for (const warning of codeowners.warnings.slice(0, 10))
    log.warning(
      `${found.path}:${warning.line} at ${pr.baseRef}: ${warning.message}; GitHub skips this line, and so does plangate`
    )
  return { codeowners }
}

/** The owner groups of the gated items (their `files`), per the base's CODEOWNERS. */
export async function ownershipOf(
  port: GitHubPort,
  pr: PullRequest,
  gated: readonly OwnedItem[],
  log: ActionLog
): Promise<Ownership> {
  const read = await readCodeowners(port, pr, log)
  return groupByOwners(gated, read.codeowners, read.missing)
}

/** The gated items of a review as the owners core takes them. */
export function ownedItems(items: readonly DigestItem[]): OwnedItem[] {
  return items
    .filter((item) => item.gated)
    .map((item) =>
      item.kind === 'change'
        ? { address: item.address, files: item.files ?? [] }
        : item.kind === 'action'
          ? // No file declares an invocation plangate could read: the fallback decides.
            { address: item.address, files: [] }
          : // A protected path is owned by the owners of that path itself.
            item.path === ''
            ? {
                address: `files of commit ${item.sha.slice(0, 12)}`,
                files: []
              }
            : { address: item.path, files: [item.path] }
    )
}

/**
 * An approved review stays blocked while another open pull request has the
 * same head commit: the status would approve it too.
 */
export async function withheldBySiblings(
  port: GitHubPort,
  pr: PullRequest,
  log: ActionLog
): Promise<string | undefined> {
  const siblings = await siblingPulls(port, pr)
  if (siblings.length === 0) return undefined
  const named = siblings
    .slice(0, 3)
    .map((n) => `#${n}`)
    .join(', ')
  log.warning(
    `pull request${siblings.length === 1 ? '' : 's'} ${named} also ${siblings.length === 1 ? 'has' : 'have'} head ${pr.headSha.slice(0, 12)}: a status belongs to the commit, so the approval is withheld until ${siblings.length === 1 ? 'it is' : 'they are'} closed or ${siblings.length === 1 ? 'its' : 'their'} head moves`
  )
  return `approval withheld: ${named}${siblings.length > 3 ? ` +${siblings.length - 3}` : ''} open with the same head commit`
}

/**
 * The reviewed items with the files that declare each change, read from
 * the checkout (the pull request's head): the digest binds them, so an
 * approval run can trust them from the review record.
 */
export function withDeclaringFiles(
  items: readonly DigestItem[],
  analysis: Analysis,
  workspace: string,
  rootDirs: ReadonlyMap<string, string>,
  stackDirs: Readonly<Record<string, string>> | undefined
): DigestItem[] {
  const files = new Map<string, ConfigFile[]>()
  for (const dir of declaringDirs(analysis.plans, rootDirs))
    files.set(dir, readTfFiles(workspace, dir))
  const found = declaringFiles({
    plans: analysis.plans,
    rootDirs,
    ...(stackDirs === undefined ? {} : { stackDirs }),
    files
  })
  return items.map((item) => {
    if (item.kind !== 'change') return item
    const declared = found.get(declaringKey(item.source, item.address))
    return declared === undefined ? item : { ...item, files: declared }
  })
}

function readTfFiles(workspace: string, dir: string): ConfigFile[] {
  let names: string[]
  try {
    names = readdirSync(join(workspace, dir)).filter((name) =>
      TF_FILE.test(name)
    )
  } catch {
    return []
  }
  const out: ConfigFile[] = []
  for (const name of names.sort()) {
    const text = readTfFile(join(workspace, dir, name))
    if (text !== undefined)
      out.push({
        path: dir === '' || dir === '.' ? name : `${dir}/${name}`,
        text
      })
  }
  return out
}

/** A `.tf` file larger than this declares nothing plangate reads. */
const MAX_TF_FILE_BYTES = 16 * 1024 * 1024

/**
 * A checked-out `.tf` file's text, or undefined for what declares nothing
 * plangate can read: a directory, an unreadable file, or a symlink the
 * pull request added to a device or a FIFO (`main.tf -> /dev/zero`, read
 * forever) or to a huge file. Opened without blocking, so that a FIFO
 * with no writer does not hang the run.
 */
function readTfFile(path: string): string | undefined {
  return readRegularFile(path, (fd, size) =>
    size > MAX_TF_FILE_BYTES ? undefined : readFileSync(fd, 'utf8')
  )
}

/**
 * Other open pull requests whose head is this very commit: a status
 * belongs to the commit, so success here would pass them too. An error
 * reading the list is thrown (the caller fails closed).
 */
export async function siblingPulls(
  port: GitHubPort,
  pr: PullRequest
): Promise<number[]> {
  const siblings: number[] = []
  for (const number of await port.pullsForCommit(pr.headSha)) {
    if (number === pr.number) continue
    // The list holds pull requests that merely contain the commit too: only an open one headed by it shares the status.
    const other = await port.getPullRequest(number)
    if (other.state === 'open' && other.headSha === pr.headSha)
      siblings.push(number)
  }
  return siblings
}
