/**
 * The default detection rules, as data. Source: the research note
 * `ai-authorship-signals.md` §1, §2 and §6 (snapshots of 2026-08-22).
 * Vendors change these strings often: re-verify every six months and keep
 * the date below current.
 *
 * Precision rules followed here (§4): an email is matched whole, never by
 * its domain alone (vendor staff commit from the same domains); a display
 * name never counts alone ("Claude", "Devin", "Jules" are people);
 * `Co-authored-by` is matched only as a real trailer; the web-flow
 * committer `GitHub <noreply@github.com>` is no signal at all.
 */
import type {
  Condition,
  Confidence,
  Matcher,
  Rule,
  RuleField
} from './types.js'

/** The date the default rules were last checked against the vendors. */
export const RULES_VERIFIED_ON = '2026-08-22'

const exact = (value: string): Matcher => ({ kind: 'exact', value })
const glob = (pattern: string): Matcher => ({ kind: 'glob', pattern })
const re = (source: string): Matcher => ({ kind: 'regex', source })

/** The PR author is a GitHub App (a human may own the same login as a user). */
const BY_BOT = [{ field: 'pr-author-type', match: exact('Bot') }] as const

type IdentityField = 'author' | 'committer' | 'coauthor'

/**
 * One rule per identity field for one email: `<id>.author`,
 * `<id>.committer` (both emails) and `<id>.coauthor` (the email of a
 * `Co-authored-by` trailer).
 */
function emailRules(
  id: string,
  tool: string,
  confidence: Confidence,
  where: readonly IdentityField[],
  match: Matcher,
  category: 'ai' | 'automation' = 'ai'
): Rule[] {
  return where.map((w): Rule => {
    const common = { id: `${id}.${w}`, tool, category, confidence, match }
    switch (w) {
      case 'author':
        return { ...common, field: 'author-email' }
      case 'committer':
        return { ...common, field: 'committer-email' }
      case 'coauthor':
        return {
          ...common,
          field: 'trailer',
          key: 'co-authored-by',
          part: 'email'
        }
    }
  })
}

const ALL: readonly IdentityField[] = ['author', 'committer', 'coauthor']
const COMMITTED: readonly IdentityField[] = ['author', 'committer']

function single(
  id: string,
  tool: string,
  confidence: Confidence,
  field: Exclude<RuleField, 'trailer' | 'message-line'>,
  match: Matcher,
  extra: { requires?: readonly Condition[]; note?: string } = {}
): Rule {
  return { id, tool, category: 'ai', confidence, field, match, ...extra }
}

function line(
  id: string,
  tool: string,
  confidence: Confidence,
  source: string,
  extra: { subjectOnly?: boolean; note?: string } = {}
): Rule {
  return {
    id,
    tool,
    category: 'ai',
    confidence,
    field: 'message-line',
    match: re(source),
    ...extra
  }
}

function trailer(
  id: string,
  tool: string,
  confidence: Confidence,
  key: string,
  match: Matcher,
  note?: string
): Rule {
  return {
    id,
    tool,
    category: 'ai',
    confidence,
    field: 'trailer',
    key,
    match,
    ...(note === undefined ? {} : { note })
  }
}

const CLAUDE_FOOTER =
  '^(?:🤖\\s*)?generated with \\[claude code\\]\\(https://claude\\.(?:ai/code|com/claude-code)/?\\)'
const CLAUDE_SESSION =
  '^(?:claude-session:\\s*)?https://claude\\.ai/code/session_[a-z0-9]+\\s*$'
const DEVIN_RUN =
  '^link to devin run:\\s*https://app\\.devin\\.ai/sessions/[0-9a-f]{32}'
/** GitHub's noreply domain, as a regex fragment (for whole-address rules). */
const GH = '@users\\.noreply\\.github\\.com'

/** AI-agent rules: definite first, then likely, then weak. */
const AI_RULES: readonly Rule[] = [
  // ---- Claude Code (CLI/IDE, web, GitHub Action) ----
  ...emailRules(
    'claude.email',
    'claude-code',
    'definite',
    ALL,
    exact('noreply@anthropic.com')
  ),
  line('claude.footer', 'claude-code', 'definite', CLAUDE_FOOTER),
  single(
    'claude.footer.pr',
    'claude-code',
    'definite',
    'pr-body',
    re(CLAUDE_FOOTER)
  ),
  line('claude.session', 'claude-code', 'definite', CLAUDE_SESSION, {
    note: 'Claude-Session trailer, or the bare session URL line of 2026 builds'
  }),
  single(
    'claude.session.pr',
    'claude-code',
    'definite',
    'pr-body',
    re(CLAUDE_SESSION)
  ),
  single(
    'claude.pr.project',
    'claude-code',
    'definite',
    'pr-body',
    re('^<!--\\s*ccr-projects-attribution:')
  ),
  ...emailRules(
    'claude.app',
    'claude-code-action',
    'definite',
    COMMITTED,
    re(
      `^(?:\\d+\\+)?(?:claude|claude-code|claude-code-action|anthropic-claude)\\[bot\\]${GH}$`
    )
  ),
  single(
    'claude.app.login',
    'claude-code-action',
    'definite',
    'pr-author-login',
    re('^(?:claude|claude-code|anthropic-claude)(?:\\[bot\\])?$'),
    {
      requires: BY_BOT,
      note: 'a real user is named claude (id 81847): only the Bot account counts'
    }
  ),

  // ---- GitHub Copilot coding agent ----
  ...emailRules(
    'copilot.agent.email',
    'copilot-coding-agent',
    'definite',
    ALL,
    exact('198982749+copilot@users.noreply.github.com')
  ),
  single(
    'copilot.agent.login',
    'copilot-coding-agent',
    'definite',
    'pr-author-login',
    re('^(?:copilot|copilot-swe-agent)(?:\\[bot\\])?$'),
    {
      requires: BY_BOT
    }
  ),
  line(
    'copilot.agent.logs',
    'copilot-coding-agent',
    'definite',
    '^agent-logs-url:\\s*https://github\\.com/[^/\\s]+/[^/\\s]+/sessions/[0-9a-f-]{36}\\s*$',
    { note: 'sits in its own paragraph, so git trailer parsing misses it' }
  ),
  single(
    'copilot.agent.body',
    'copilot-coding-agent',
    'definite',
    'pr-body',
    re('^<!--\\s*START COPILOT (?:CODING AGENT|ORIGINAL PROMPT)')
  ),

  // ---- Cursor (IDE agent, CLI, background agents) ----
  ...emailRules(
    'cursor.email',
    'cursor',
    'definite',
    ALL,
    exact('cursoragent@cursor.com')
  ),
  single(
    'cursor.body',
    'cursor',
    'definite',
    'pr-body',
    re('^<!--\\s*CURSOR_AGENT_PR_BODY_(?:BEGIN|END)\\s*-->')
  ),

  // ---- Aider ----
  trailer(
    'aider.coauthor',
    'aider',
    'definite',
    'co-authored-by',
    re('^aider\\b[^<]*<(?:aider|noreply)@aider\\.(?:chat|dev)>$'),
    'v0.83+; paul@aider.chat is a human'
  ),
  single(
    'aider.author.name',
    'aider',
    'definite',
    'author-name',
    glob('* (aider)'),
    {
      note: 'pre-0.85 default: aider appends (aider) to the author name'
    }
  ),

  // ---- Devin ----
  ...emailRules(
    'devin.email',
    'devin',
    'definite',
    ALL,
    exact('158243242+devin-ai-integration[bot]@users.noreply.github.com')
  ),
  single(
    'devin.author.name',
    'devin',
    'definite',
    'author-name',
    exact('devin-ai-integration[bot]')
  ),
  single(
    'devin.login',
    'devin',
    'definite',
    'pr-author-login',
    re('^devin-ai-integration(?:\\[bot\\])?$')
  ),
  single('devin.body', 'devin', 'definite', 'pr-body', re(DEVIN_RUN)),
  line('devin.run', 'devin', 'definite', DEVIN_RUN),

  // ---- Google Jules ----
  ...emailRules(
    'jules.email',
    'jules',
    'definite',
    ALL,
    exact('161369871+google-labs-jules[bot]@users.noreply.github.com')
  ),
  single(
    'jules.body',
    'jules',
    'definite',
    'pr-body',
    re('^\\*?pr created automatically by jules for task \\[\\d+\\]')
  ),

  // ---- OpenAI Codex (CLI, cloud) ----
  trailer(
    'codex.cli.coauthor',
    'codex-cli',
    'definite',
    'co-authored-by',
    re('^codex\\b[^<]*<noreply@openai\\.com>$'),
    'DEFAULT_ATTRIBUTION_VALUE; opt-in'
  ),
  single(
    'codex.cloud.body',
    'codex-cloud',
    'definite',
    'pr-body',
    re(
      '^\\[codex task\\]\\(https://chatgpt\\.com/codex/tasks/task_[a-z]_[0-9a-f]+\\)'
    ),
    {
      note: 'Codex cloud opens the PR as the human user: this link is often the only marker'
    }
  ),

  // ---- Sourcegraph Amp ----
  ...emailRules(
    'amp.email',
    'amp',
    'definite',
    ['author', 'coauthor'],
    exact('amp@ampcode.com')
  ),
  line(
    'amp.thread',
    'amp',
    'definite',
    '^amp-thread(?:-id)?:\\s*https://ampcode\\.com/threads/t-[0-9a-f-]+'
  ),

  // ---- Continue CLI ----
  ...emailRules(
    'continue.email',
    'continue-cli',
    'definite',
    ['coauthor'],
    exact('noreply@continue.dev')
  ),

  // ---- OpenHands ----
  ...emailRules(
    'openhands.email',
    'openhands',
    'definite',
    ALL,
    exact('openhands@all-hands.dev')
  ),
  single(
    'openhands.body',
    'openhands',
    'definite',
    'pr-body',
    re('^automatic fix generated by \\[openhands\\]')
  ),

  // ---- Replit Agent ----
  trailer(
    'replit.agent',
    'replit-agent',
    'definite',
    'replit-commit-author',
    re('^(?:agent|assistant)$')
  ),

  // ---- Lovable ----
  ...emailRules(
    'lovable.email',
    'lovable',
    'definite',
    COMMITTED,
    re(`^(?:159125892\\+gpt-engineer-app\\[bot\\]${GH}|noreply@lovable\\.dev)$`)
  ),

  // ---- Amazon Q Developer agent, Kiro ----
  ...emailRules(
    'amazonq.email',
    'amazon-q',
    'definite',
    COMMITTED,
    exact('208079219+amazon-q-developer[bot]@users.noreply.github.com')
  ),
  single(
    'amazonq.login',
    'amazon-q',
    'definite',
    'pr-author-login',
    re('^amazon-q-developer(?:\\[bot\\])?$')
  ),
  ...emailRules(
    'kiro.email',
    'kiro',
    'definite',
    ALL,
    re(`^244629292\\+kiro-agent(?:\\[bot\\])?${GH}$`)
  ),

  // ---- Sweep, Roo Code Cloud ----
  single(
    'sweep.login',
    'sweep',
    'definite',
    'pr-author-login',
    re('^sweep-ai(?:\\[bot\\])?$')
  ),
  single(
    'sweep.author.name',
    'sweep',
    'definite',
    'author-name',
    re('^sweep-ai(?:\\[bot\\])?$')
  ),
  ...emailRules(
    'roo.cloud',
    'roo-code-cloud',
    'definite',
    ['author', 'coauthor'],
    exact('roomote@roocode.com')
  ),

  // ---- git-ai line-level provenance (refs/notes/ai) ----
  {
    id: 'gitai.note',
    tool: 'git-ai',
    category: 'ai',
    confidence: 'definite',
    field: 'git-ai-note',
    match: re(
      '^\\s*(?:s_[0-9a-f]{14}(?:::t_[0-9a-f]{14})?|[0-9a-f]{16})\\s+\\d'
    ),
    requires: [
      {
        field: 'git-ai-note',
        match: re('^.*"schema_version"\\s*:\\s*"authorship/\\d')
      }
    ],
    note: 'an AI attestation line (s_… session or legacy 16-hex prompt key) in a git-ai note'
  },

  // ---- explicit disclosure (Linux kernel, Fedora, LLVM, Apache) ----
  trailer(
    'disclosure.assisted-by',
    'disclosed',
    'definite',
    'assisted-by',
    re('^(?!(?:no|none|false|n/a)\\s*$)\\S')
  ),
  trailer(
    'disclosure.ai-assisted',
    'disclosed',
    'definite',
    'ai-assisted',
    re('^(?!(?:no|none|false|n/a)\\s*$)\\S')
  ),
  trailer(
    'disclosure.co-developed-by-ai',
    'disclosed',
    'definite',
    'co-developed-by-ai',
    re('^\\S')
  ),
  trailer(
    'disclosure.generated-by',
    'disclosed',
    'likely',
    'generated-by',
    re('^(?!(?:no|none|false|n/a)\\s*$)\\S'),
    'Apache/OpenInfra form; also used by non-AI code generators, hence likely'
  ),

  // ---------------- likely ----------------
  ...emailRules(
    'copilot.ide',
    'copilot-ide',
    'likely',
    ['coauthor'],
    re(
      '^(?:223556219\\+copilot@users\\.noreply\\.github\\.com|copilot@github\\.com)$'
    )
  ),
  ...emailRules(
    'copilot.suggestion',
    'copilot-review',
    'likely',
    ['coauthor'],
    re(
      `^(?:175728472\\+copilot|62310815\\+github-advanced-security\\[bot\\]|223894421\\+github-code-quality\\[bot\\])${GH}$`
    )
  ),
  ...emailRules(
    'gca.suggestion',
    'gemini-code-assist',
    'likely',
    ['coauthor'],
    re(`^(?:176961590\\+)?gemini-code-assist\\[bot\\]${GH}$`)
  ),
  trailer(
    'cursor.madewith',
    'cursor',
    'likely',
    'made-with',
    exact('cursor'),
    'common, but not documented by Cursor'
  ),
  ...emailRules(
    'codex.noreply',
    'codex-cli',
    'likely',
    ['coauthor'],
    exact('noreply@openai.com')
  ),
  ...emailRules(
    'codex.sandbox',
    'codex-cloud',
    'likely',
    COMMITTED,
    exact('codex@openai.com')
  ),
  ...emailRules(
    'codex.app',
    'codex',
    'likely',
    ['author'],
    re(
      `^(?:199175422\\+chatgpt-codex-connector|215057067\\+openai-codex)\\[bot\\]${GH}$`
    )
  ),
  single(
    'codex.app.login',
    'codex',
    'likely',
    'pr-author-login',
    re('^openai-codex(?:\\[bot\\])?$')
  ),
  ...emailRules(
    'gemini.cli.identity',
    'gemini-cli',
    'likely',
    ALL,
    re(`^(?:gemini-cli@google\\.com|(?:\\d+\\+)?gemini-cli\\[bot\\]${GH})$`)
  ),
  trailer(
    'gemini.named.coauthor',
    'gemini-cli',
    'likely',
    'co-authored-by',
    re('^(?:google\\s+)?gemini(?: cli| code)?\\s*<[^<>@]+@google\\.com>$'),
    'needs the Gemini name AND a google.com address'
  ),
  line('aider.prefix', 'aider', 'likely', '^aider:\\s', { subjectOnly: true }),
  line(
    'devin.cli.footer',
    'devin',
    'likely',
    '^(?:🤖\\s*)?generated with \\[devin\\]\\(https://(?:cli\\.)?devin\\.ai'
  ),
  line(
    'continue.footer',
    'continue-cli',
    'likely',
    '^generated with \\[continue\\]\\(https://continue\\.dev\\)'
  ),
  line(
    'codebuff.footer',
    'codebuff',
    'likely',
    '^(?:🤖\\s*)?generated with codebuff\\b'
  ),
  ...emailRules(
    'windsurf.email',
    'windsurf',
    'likely',
    ['author', 'coauthor'],
    re(
      `^(?:windsurf@codeium\\.com|noreply@codeium\\.com|cascade@windsurf\\.ai|noreply@windsurf\\.ai|(?:\\d+\\+)?windsurf-bot\\[bot\\]${GH})$`
    )
  ),
  ...emailRules(
    'cline.email',
    'cline',
    'likely',
    ['author', 'coauthor'],
    re(`^(?:noreply@cline\\.bot|(?:205137888\\+)?cline\\[bot\\]${GH})$`)
  ),
  ...emailRules(
    'factory.email',
    'factory',
    'likely',
    ['author', 'coauthor'],
    re(`^(?:138933559\\+)?factory-droid\\[bot\\]${GH}$`)
  ),
  ...emailRules(
    'cody.email',
    'sourcegraph-cody',
    'likely',
    ['author', 'coauthor'],
    re(`^(?:\\d+\\+)?sourcegraph-cody\\[bot\\]${GH}$`)
  ),
  ...emailRules(
    'other.agents.email',
    'other-agent',
    'likely',
    ['author', 'coauthor'],
    re(
      `^(?:agent@warp\\.dev|oz-agent@warp\\.dev|qwen-coder@alibabacloud\\.com|noreply@codebuff\\.com|clio-agent@sisyphuslabs\\.ai|(?:\\d+\\+)?(?:continue|codegen-sh|jetbrains-ai|opencode-agent)\\[bot\\]${GH})$`
    )
  ),
  line(
    'entire.trailer',
    'entire',
    'likely',
    '^entire-(?:checkpoint|session|agent|metadata):\\s*\\S'
  ),
  {
    ...trailer(
      'generic.ai.coauthor',
      'unknown-agent',
      'likely',
      'co-authored-by',
      re(
        '^[^<]*\\b(?:gpt-?\\d|claude|gemini|codex|copilot|cursor|devin|jules|llm|ai agent)\\b[^<]*<[^<>@]*(?:noreply|no-reply|\\[bot\\]|agent)[^<>@]*@[^<>]+>$'
      ),
      'an AI name AND a no-reply/bot/agent local part: "Claude Dupont <claude@gmail.com>" does not match'
    ),
    fallback: true
  },

  // ---------------- weak ----------------
  single(
    'claude.branch',
    'claude-code',
    'weak',
    'head-branch',
    glob('claude/*'),
    { note: 'branch names are attacker-controlled and configurable' }
  ),
  single(
    'copilot.agent.branch',
    'copilot-coding-agent',
    'weak',
    'head-branch',
    glob('copilot/*')
  ),
  single('codex.branch', 'codex-cloud', 'weak', 'head-branch', glob('codex/*')),
  single(
    'cursor.branch',
    'cursor',
    'weak',
    'head-branch',
    re('^(?:cursor|cloud)/.+-[0-9a-f]{4}$')
  ),
  single('devin.branch', 'devin', 'weak', 'head-branch', re('^devin/\\d{10}-')),
  single('jules.branch', 'jules', 'weak', 'head-branch', re('^.+-\\d{15,20}$')),
  single('sweep.branch', 'sweep', 'weak', 'head-branch', glob('sweep/*')),
  single(
    'openhands.branch',
    'openhands',
    'weak',
    'head-branch',
    re('^openhands-fix-issue-\\d+(?:-try\\d+)?$')
  ),
  single('kiro.branch', 'kiro', 'weak', 'head-branch', glob('kiro/*')),
  single('amp.branch', 'amp', 'weak', 'head-branch', glob('amp/*')),
  single(
    'aider.committer.name',
    'aider',
    'weak',
    'committer-name',
    glob('* (aider)'),
    {
      note: 'aider also commits the user’s own dirty edits with only the committer suffixed'
    }
  ),
  trailer(
    'replit.deploy',
    'replit-agent',
    'weak',
    'replit-commit-author',
    exact('deployment'),
    'publishes, not AI code'
  ),
  ...emailRules(
    'bolt.email',
    'bolt',
    'weak',
    COMMITTED,
    exact('bolt@stackblitz.com')
  ),
  line(
    'keywords',
    'unknown-agent',
    'weak',
    '^.*\\b(?:ai[- ]generated|generated (?:by|with) (?:ai|an? llm|chatgpt|gpt|claude|gemini)|vibe[- ]coded)\\b',
    { note: 'a mention anywhere in a line: advisory only' }
  ),
  single(
    'keywords.pr',
    'unknown-agent',
    'weak',
    'pr-body',
    re(
      '^.*\\b(?:ai[- ]generated|generated (?:by|with) (?:ai|an? llm|chatgpt|gpt|claude|gemini)|vibe[- ]coded)\\b'
    )
  )
]

function automation(
  id: string,
  tool: string,
  confidence: Confidence,
  field: Exclude<RuleField, 'trailer' | 'message-line'>,
  match: Matcher,
  requires?: readonly Condition[]
): Rule {
  return {
    id,
    tool,
    category: 'automation',
    confidence,
    field,
    match,
    ...(requires === undefined ? {} : { requires })
  }
}

/** Non-AI bots: classified `automation`, never AI and never human. */
const AUTOMATION_RULES: readonly Rule[] = [
  ...emailRules(
    'dependabot.email',
    'dependabot',
    'definite',
    COMMITTED,
    re(`^(?:49699333\\+)?dependabot\\[bot\\]${GH}$`),
    'automation'
  ),
  {
    id: 'dependabot.signoff',
    tool: 'dependabot',
    category: 'automation',
    confidence: 'definite',
    field: 'trailer',
    key: 'signed-off-by',
    match: exact('dependabot[bot] <support@github.com>')
  },
  automation(
    'dependabot.login',
    'dependabot',
    'definite',
    'pr-author-login',
    re('^dependabot(?:\\[bot\\])?$'),
    BY_BOT
  ),
  automation(
    'dependabot.branch',
    'dependabot',
    'weak',
    'head-branch',
    glob('dependabot/*')
  ),
  ...emailRules(
    'renovate.email',
    'renovate',
    'definite',
    COMMITTED,
    re(
      `^(?:(?:29139614\\+)?renovate\\[bot\\]${GH}|bot@renovateapp\\.com|\\d+\\+[a-z0-9-]*renovate\\[bot\\]${GH})$`
    ),
    'automation'
  ),
  automation(
    'renovate.login',
    'renovate',
    'definite',
    'pr-author-login',
    re('^(?:[a-z0-9-]+-)?renovate(?:\\[bot\\])?$'),
    BY_BOT
  ),
  automation(
    'renovate.branch',
    'renovate',
    'weak',
    'head-branch',
    glob('renovate/*')
  ),
  ...emailRules(
    'github-actions.email',
    'github-actions',
    'definite',
    COMMITTED,
    re(
      `^(?:(?:41898282\\+)?github-actions\\[bot\\]${GH}|actions@github\\.com)$`
    ),
    'automation'
  ),
  automation(
    'github-actions.login',
    'github-actions',
    'definite',
    'pr-author-login',
    re('^github-actions(?:\\[bot\\])?$'),
    BY_BOT
  ),
  ...emailRules(
    'ci-bots.email',
    'ci-bot',
    'definite',
    COMMITTED,
    re(
      `^(?:\\d+\\+)?(?:pre-commit-ci|autofix-ci|mergify|bors|release-please|dependabot-preview|semantic-release-bot)\\[bot\\]${GH}$`
    ),
    'automation'
  ),
  ...emailRules(
    'release-bots.email',
    'release-bot',
    'definite',
    COMMITTED,
    re(
      `^(?:gemini-cli-robot@google\\.com|\\d+\\+gemini-cli-robot${GH}|semantic-release-bot@martynus\\.net|bot@usegitai\\.com)$`
    ),
    'automation'
  )
]

/** Every default rule: AI agents (20+ tools) and non-AI automation. */
export const DEFAULT_RULES: readonly Rule[] = [...AI_RULES, ...AUTOMATION_RULES]
