import { parseArgs } from 'node:util'
import { INPUT_FORMATS } from '../plan/index.js'
import type { InputFormat } from '../plan/index.js'

/** A command line plangate cannot act on: exit code 2 with a one-line message. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export const OUTPUT_FORMATS = ['text', 'markdown', 'json'] as const
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

export const COLOR_MODES = ['auto', 'always', 'never'] as const

export type ColorMode = (typeof COLOR_MODES)[number]

/** What the user asked for, parsed and checked. */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'review'
      /** Plan paths (files or directories); `-` is standard input. */
      readonly plans: readonly string[]
      /** How to read the plan files. */
      readonly inputFormat: InputFormat
      /** Old and new CloudFormation template (or cdk.out directory) to compare. */
      readonly templates:
        { readonly before: string; readonly after: string } | undefined
      /** Templates (or a cdk.out directory) that name the CDK constructs of change sets. */
      readonly labelTemplates: readonly string[]
      /** The local history to attribute changes to: repository, base and head refs. */
      readonly history:
        | {
            readonly repo: string
            readonly base: string
            readonly head: string | undefined
            /** Repository-relative directory of the root module, for every plan. */
            readonly rootModule: string | undefined
          }
        | undefined
      /** The config file; default `.github/plangate.yml` of the repository (or the working directory). */
      readonly config: string | undefined
      readonly format: OutputFormat
      /** Report destination; standard output when absent. */
      readonly output: string | undefined
      /** Overwrite an output file that is not a plangate report. */
      readonly force: boolean
      readonly color: ColorMode
    }
  | {
      readonly kind: 'verify'
      /** Plan paths (files or directories) about to be applied; `-` is standard input. */
      readonly plans: readonly string[]
      readonly inputFormat: InputFormat
      /** Old and new CloudFormation template (or cdk.out directory) to compare. */
      readonly templates:
        { readonly before: string; readonly after: string } | undefined
      /** Templates (or a cdk.out directory) that name the CDK constructs of change sets. */
      readonly labelTemplates: readonly string[]
      /** JSON reports of the approved reviews (one per pull request of a merge-queue batch). */
      readonly approved: readonly string[]
      readonly format: OutputFormat
      /** Report destination; standard output when absent. */
      readonly output: string | undefined
      /** Overwrite an output file that is not a plangate report. */
      readonly force: boolean
    }

export const HELP = `plangate: find the destroys and replacements in infrastructure plans, and block them until a human approves.

Usage:
  plangate review [options] <plan>...                  review plans ("-" reads standard input)
  plangate review --before OLD --after NEW [<plan>...]  also compare two CloudFormation templates
  plangate verify [options] <plan>... --approved REPORT.json
                                                       before apply: check that every destroy or
                                                       replace of the plans was in an approved review
  plangate --help | --version

A plan is one of:
  Terraform/OpenTofu   terraform show -json PLANFILE > plan.json   (cdktf: a cdktf.out directory
                       whose stacks hold plan.json, see the README)
  CloudFormation/CDK   aws cloudformation describe-change-set --include-property-values ...
                       (a root change set and its nested ones: several files or a directory)
  Pulumi               pulumi preview --json > preview.json
  CDK without AWS      --before/--after: two templates, or two cdk.out directories from cdk synth

Options:
  -f, --format <text|markdown|json>  report format (default: text)
  -i, --input-format <auto|terraform|cloudformation|pulumi>
                                     how to read the plans (default: auto, from the content)
      --before <file|dir|none>       the old CloudFormation template, or the old cdk.out directory
                                     (none: the stack is new)
      --after <file|dir|none>        the new CloudFormation template, or the new cdk.out directory
                                     (none: the stack is deleted)
      --template <file|dir>          template or cdk.out directory naming the CDK constructs of
                                     change sets (aws:cdk:path); may be repeated
      --repo <dir> --base <ref> [--head <ref>]
                                     attribute destroys/replaces to the commits of base..head
                                     of a local clone, and find the AI-authored ones
      --root-module <dir>            the root module's directory in the repository (default: the
                                     plan file's directory)
      --config <file>                policy file (default: .github/plangate.yml of the repository)
  -o, --output <file>                write the report to a file instead of standard output ("-"
                                     is standard output; a device or a FIFO is written in place)
      --force                        let --output replace a file that is not a plangate report
      --color <auto|always|never>    colour the text report of review (default: auto, only on a
                                     terminal; NO_COLOR always wins)
      --approved <file>              verify only: the JSON report of the approved review
                                     (\`plangate review -f json\`, or the Action's report-path); repeat
                                     it for each pull request of a merge-queue batch
  -h, --help                         show this help
  -v, --version                      show the version

Options of review only: --repo, --base, --head, --root-module, --config, --color.

Exit codes:
  0  review: the gate would pass: no destroy or replace is gated
     verify: verified: every destroy or replace was reviewed and, where gated, approved
  1  review: the gate would block: gated destroys or replacements, or AI changes to protected
     paths (workflows, config, CODEOWNERS), need a human's approval, or a plan is incomplete
     verify: blocked: a destroy or replace was never reviewed or never approved, a review was
     blocked or denied, or a plan is incomplete
  2  usage or input error (the message names the file, what was expected and what was found; for
     verify also an unreadable or edited approved report), or a report that could not be written
     whole (a full disk)
  3  internal error (a bug: please open an issue with the message)
`

function oneOf<T extends string>(
  name: string,
  value: string,
  allowed: readonly T[]
): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(
    `--${name} must be one of ${allowed.join('|')}, got "${value}"`
  )
}

function historyOf(values: {
  repo?: string | undefined
  base?: string | undefined
  head?: string | undefined
  'root-module'?: string | undefined
}): Extract<CliCommand, { kind: 'review' }>['history'] {
  const { repo, base, head } = values
  const rootModule = values['root-module']
  if (repo === undefined) {
    if (base !== undefined || head !== undefined || rootModule !== undefined) {
      throw new UsageError('--base, --head and --root-module need --repo DIR')
    }
    return undefined
  }
  if (base === undefined) {
    throw new UsageError(
      '--repo needs --base REF: the commit the change is compared against (e.g. origin/main)'
    )
  }
  return { repo, base, head, rootModule }
}

/** The options of `review` that `verify` has no use for: it reads no history. */
const REVIEW_ONLY = [
  'repo',
  'base',
  'head',
  'root-module',
  'config',
  'color',
  'no-color'
] as const

/** The options common to both commands, parsed and checked. */
function common(
  command: 'review' | 'verify',
  values: {
    format?: string | undefined
    'input-format'?: string | undefined
    before?: string | undefined
    after?: string | undefined
    template?: string[] | undefined
    output?: string | undefined
    force?: boolean | undefined
  },
  plans: readonly string[]
): Pick<
  Extract<CliCommand, { kind: 'verify' }>,
  | 'plans'
  | 'inputFormat'
  | 'templates'
  | 'labelTemplates'
  | 'format'
  | 'output'
  | 'force'
> {
  const { before, after } = values
  if ((before === undefined) !== (after === undefined)) {
    throw new UsageError(
      `--before and --after go together; got only --${before === undefined ? 'after' : 'before'}`
    )
  }
  if (plans.length === 0 && before === undefined) {
    throw new UsageError(
      command === 'review'
        ? 'no plan file given: `plangate review plan.json` (or `-` for standard input)'
        : 'no plan file given: `plangate verify plan.json --approved REPORT.json` (or `-` for standard input)'
    )
  }
  if (plans.filter((p) => p === '-').length > 1) {
    throw new UsageError('standard input ("-") can be read only once')
  }
  // `--output -` is standard output, as if --output were left out.
  const output = values.output === '-' ? undefined : values.output
  if (output === '') {
    throw new UsageError('--output needs a file path, or - for standard output')
  }
  return {
    plans,
    format: oneOf('format', values.format ?? 'text', OUTPUT_FORMATS),
    inputFormat: oneOf(
      'input-format',
      values['input-format'] ?? 'auto',
      INPUT_FORMATS
    ),
    templates:
      before === undefined || after === undefined
        ? undefined
        : { before, after },
    labelTemplates: values.template ?? [],
    output,
    force: values.force === true
  }
}

function verifyCommand(
  values: Parameters<typeof common>[1] &
    Partial<Record<(typeof REVIEW_ONLY)[number], string | boolean>> & {
      approved?: string[] | undefined
    },
  plans: readonly string[]
): CliCommand {
  const extra = REVIEW_ONLY.find((name) => values[name] !== undefined)
  if (extra !== undefined) {
    throw new UsageError(
      `--${extra} belongs to \`plangate review\`; \`plangate verify\` reads no history or config: it checks the plans against the approved reports`
    )
  }
  const approved = values.approved ?? []
  if (approved.length === 0) {
    throw new UsageError(
      "verify needs --approved REPORT.json: the JSON report of the approved review (`plangate review -f json`, or the Action's report-path); repeat it for each pull request of a merge-queue batch"
    )
  }
  if (approved.some((path) => path === '')) {
    throw new UsageError('--approved needs a file path')
  }
  const readsStdin =
    plans.filter((p) => p === '-').length +
    approved.filter((p) => p === '-').length
  if (readsStdin > 1) {
    throw new UsageError('standard input ("-") can be read only once')
  }
  return { kind: 'verify', ...common('verify', values, plans), approved }
}

/** Parses argv (without node and script) into a command. */
export function parseCommand(argv: readonly string[]): CliCommand {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        'input-format': { type: 'string', short: 'i' },
        before: { type: 'string' },
        after: { type: 'string' },
        template: { type: 'string', multiple: true },
        repo: { type: 'string' },
        base: { type: 'string' },
        head: { type: 'string' },
        'root-module': { type: 'string' },
        config: { type: 'string' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        color: { type: 'string' },
        'no-color': { type: 'boolean' },
        approved: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' }
      }
    })
  } catch (error) {
    const message =
      error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new UsageError(
      `${message ?? 'invalid arguments'}. Run \`plangate --help\` for usage.`
    )
  }
  const { values, positionals } = parsed
  if (values.help === true) return { kind: 'help' }
  if (values.version === true) return { kind: 'version' }
  const [command, ...plans] = positionals
  if (command === undefined)
    throw new UsageError('no command given. Run `plangate --help` for usage.')
  if (command !== 'review' && command !== 'verify') {
    throw new UsageError(
      `unknown command "${command}"; the commands are \`plangate review <plan-file>...\` and \`plangate verify <plan-file>... --approved REPORT.json\``
    )
  }
  if (command === 'verify') return verifyCommand(values, plans)
  if (values.approved !== undefined) {
    throw new UsageError(
      '--approved belongs to `plangate verify`; `plangate review` reviews plans without a previous report'
    )
  }
  return {
    kind: 'review',
    ...common('review', values, plans),
    history: historyOf(values),
    config: values.config,
    color:
      values['no-color'] === true
        ? 'never'
        : oneOf('color', values.color ?? 'auto', COLOR_MODES)
  }
}
