/**
 * `require-plans`: which directories with infrastructure code have no plan
 * among those read. Pure: the directory walk and the plan paths come from
 * the shell (src/io/require-plans.ts), as workspace-relative paths with `/`
 * separators, `.` for the workspace itself.
 *
 * A plan file belongs to exactly the directory it sits in, compared as
 * text (no symbolic link is followed): `stacks/db/plan.json` belongs to
 * `stacks/db`, and `stacks/db/plan.json/plan.json` does not (it belongs to
 * `stacks/db/plan.json`). The one exception is synthesis output: a plan
 * anywhere below `<dir>/cdktf.out/` or `<dir>/cdk.out/` belongs to `<dir>`
 * too, the app directory that holds `cdktf.json` or `cdk.json`.
 */

/** Synthesis output directories whose plans belong to the app directory above them. */
export const SYNTH_OUTPUT_DIRS = ['cdktf.out', 'cdk.out'] as const

/** File names that make a directory a root of infrastructure code. */
const INFRA_CODE_NAMES = new Set([
  'Pulumi.yaml',
  'Pulumi.yml',
  'cdk.json',
  'cdktf.json'
])

/** File name endings of Terraform and OpenTofu configuration (native and JSON syntax). */
const INFRA_CODE_SUFFIXES = ['.tf', '.tofu', '.tf.json', '.tofu.json'] as const

/** Directories named in a message before "and N more". */
const MAX_NAMED_DIRS = 10

/** Whether a file directly in a directory makes it a stack that needs a plan. */
export function isInfraCodeFile(name: string): boolean {
  if (INFRA_CODE_NAMES.has(name)) return true
  return INFRA_CODE_SUFFIXES.some(
    (suffix) => name.length > suffix.length && name.endsWith(suffix)
  )
}

/**
 * The directories a plan file belongs to, from the file's normalised
 * workspace-relative path: the one it sits in, and the app above any
 * synthesis output directory on the way. None for standard input
 * (`undefined`) and for paths outside the workspace or not normalised.
 */
export function planDirsOf(planPath: string | undefined): string[] {
  if (planPath === undefined) return []
  const parts = planPath.split('/')
  if (parts.some((part) => part === '..' || part === '.' || part === ''))
    return []
  const dirs = [parts.length === 1 ? '.' : parts.slice(0, -1).join('/')]
  for (let i = parts.length - 2; i >= 0; i--) {
    if (!(SYNTH_OUTPUT_DIRS as readonly string[]).includes(parts[i] ?? ''))
      continue
    dirs.push(i === 0 ? '.' : parts.slice(0, i).join('/'))
  }
  return dirs
}

/**
 * The required directories that no plan belongs to, in the order given:
 * each one is a stack whose changes nobody would review.
 */
export function findDirsWithoutPlan(
  required: readonly string[],
  planPaths: readonly (string | undefined)[]
): string[] {
  const covered = new Set(planPaths.flatMap((path) => planDirsOf(path)))
  return [...new Set(required)].filter((dir) => !covered.has(dir))
}

/** A run that must not pass: a stack with infrastructure code has no plan. */
export class MissingPlansError extends Error {
  override readonly name = 'MissingPlansError'
  readonly dirs: readonly string[]

  constructor(dirs: readonly string[]) {
    const named = dirs.slice(0, MAX_NAMED_DIRS).map(quoteDir)
    const more = dirs.length - named.length
    super(
      `no plan for ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}: ` +
        `require-plans expects a plan read by \`plan\` in every directory it matches that holds infrastructure code ` +
        `(*.tf, *.tofu, Pulumi.yaml, cdk.json, cdktf.json); a plan belongs to the directory its file is in ` +
        `(or to the app above a cdktf.out or cdk.out directory)`
    )
    this.dirs = dirs
  }
}

/** A directory name as it is, or as a JSON string when it holds anything unusual. */
function quoteDir(dir: string): string {
  return /^[\w.@+/-]{1,200}$/.test(dir)
    ? dir
    : JSON.stringify(dir.slice(0, 200))
}
