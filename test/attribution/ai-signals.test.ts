import { describe, expect, it } from 'vitest'
import type {
  CommitFacts,
  PullRequestFacts,
  Rule
} from '../../src/attribution/index.js'
import {
  buildRules,
  classifyCommit,
  DEFAULT_RULES,
  MAX_EVIDENCE_CHARS
} from '../../src/attribution/index.js'
import { ANN, commit, lines, pullRequest } from './helpers.js'

const RULES = buildRules(DEFAULT_RULES)
const GITHUB_WEB_FLOW = { name: 'GitHub', email: 'noreply@github.com' }
const ANN_NOREPLY =
  'Co-authored-by: Ann Lee <1234+annlee@users.noreply.github.com>'

function classify(c: CommitFacts, pr?: PullRequestFacts, rules = RULES) {
  return classifyCommit(c, pr, rules)
}

describe('classifyCommit recognises each agent as the reference documents it', () => {
  it.each<{
    agent: string
    commit: CommitFacts
    pr?: PullRequestFacts
    tool: string
    confidence: 'definite' | 'likely'
    ruleId: string
    text: string
  }>([
    {
      agent: 'Claude Code CLI (footer + model-named co-author)',
      commit: commit({
        message: lines(
          'Rename the orders database',
          '',
          'The new name matches the service.',
          '',
          '🤖 Generated with [Claude Code](https://claude.com/claude-code)',
          '',
          'Co-Authored-By: Claude Opus 4.6 (1M context) <noreply@anthropic.com>'
        )
      }),
      tool: 'claude-code',
      confidence: 'definite',
      ruleId: 'claude.email.coauthor',
      text: 'Co-Authored-By: Claude Opus 4.6 (1M context) <noreply@anthropic.com>'
    },
    {
      agent: 'Claude Code, older build (plain Claude co-author)',
      commit: commit({
        message: lines(
          'Add lifecycle rule',
          '',
          '🤖 Generated with [Claude Code](https://claude.ai/code)',
          '',
          'Co-Authored-By: Claude <noreply@anthropic.com>'
        )
      }),
      tool: 'claude-code',
      confidence: 'definite',
      ruleId: 'claude.email.coauthor',
      text: 'Co-Authored-By: Claude <noreply@anthropic.com>'
    },
    {
      agent: 'Claude Code on the web (commits as Claude)',
      commit: commit({
        author: { name: 'Claude', email: 'noreply@anthropic.com' },
        committer: { name: 'Claude', email: 'noreply@anthropic.com' },
        message: lines(
          'Split the network module',
          '',
          'Claude-Session: https://claude.ai/code/session_011CUxAbC123'
        )
      }),
      pr: pullRequest({ headBranch: 'claude/split-network-x7k2p' }),
      tool: 'claude-code',
      confidence: 'definite',
      ruleId: 'claude.email.author',
      text: 'noreply@anthropic.com'
    },
    {
      agent: 'Claude Code GitHub Action',
      commit: commit({
        author: {
          name: 'claude[bot]',
          email: '209825114+claude[bot]@users.noreply.github.com'
        },
        committer: GITHUB_WEB_FLOW,
        message: lines('Fix the subnet CIDR', '', ANN_NOREPLY)
      }),
      tool: 'claude-code-action',
      confidence: 'definite',
      ruleId: 'claude.app.author',
      text: '209825114+claude[bot]@users.noreply.github.com'
    },
    {
      agent: 'Claude Code Action with the default bot_id (github-actions’ id)',
      commit: commit({
        author: {
          name: 'claude[bot]',
          email: '41898282+claude[bot]@users.noreply.github.com'
        },
        message: 'Apply review feedback'
      }),
      tool: 'claude-code-action',
      confidence: 'definite',
      ruleId: 'claude.app.author',
      text: '41898282+claude[bot]@users.noreply.github.com'
    },
    {
      agent: 'Copilot coding agent (squashed: author name Copilot)',
      commit: commit({
        author: {
          name: 'Copilot',
          email: '198982749+Copilot@users.noreply.github.com'
        },
        committer: GITHUB_WEB_FLOW,
        message: lines('Rename the orders table (#88)', '', ANN_NOREPLY)
      }),
      tool: 'copilot-coding-agent',
      confidence: 'definite',
      ruleId: 'copilot.agent.email.author',
      text: '198982749+Copilot@users.noreply.github.com'
    },
    {
      agent: 'Copilot coding agent Agent-Logs-Url in its own paragraph',
      commit: commit({
        message: lines(
          'Initial plan',
          '',
          'Agent-Logs-Url: https://github.com/acme/infra/sessions/0b4f6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
          '',
          ANN_NOREPLY
        )
      }),
      tool: 'copilot-coding-agent',
      confidence: 'definite',
      ruleId: 'copilot.agent.logs',
      text: 'Agent-Logs-Url: https://github.com/acme/infra/sessions/0b4f6a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b'
    },
    {
      agent: 'Copilot coding agent PR opened by the Bot',
      commit: commit(),
      pr: pullRequest({
        authorLogin: 'Copilot',
        authorType: 'Bot',
        headBranch: 'copilot/rename-orders-table',
        body: lines(
          'Renames the table.',
          '',
          '<!-- START COPILOT CODING AGENT SUFFIX -->'
        )
      }),
      tool: 'copilot-coding-agent',
      confidence: 'definite',
      ruleId: 'copilot.agent.login',
      text: 'Copilot'
    },
    {
      agent: 'Copilot CLI / VS Code co-author (IDE misfires happen: likely)',
      commit: commit({
        message: lines(
          'Tidy variables',
          '',
          'Co-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>'
        )
      }),
      tool: 'copilot-ide',
      confidence: 'likely',
      ruleId: 'copilot.ide.coauthor',
      text: 'Co-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>'
    },
    {
      agent: 'Copilot review suggestion accepted in the UI',
      commit: commit({
        committer: GITHUB_WEB_FLOW,
        message: lines(
          'Update main.tf',
          '',
          'Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>'
        )
      }),
      tool: 'copilot-review',
      confidence: 'likely',
      ruleId: 'copilot.suggestion.coauthor',
      text: 'Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>'
    },
    {
      agent: 'Cursor agent trailer',
      commit: commit({
        message: lines(
          'Move the bucket into the storage module',
          '',
          'Co-authored-by: Cursor Agent <cursoragent@cursor.com>'
        )
      }),
      tool: 'cursor',
      confidence: 'definite',
      ruleId: 'cursor.email.coauthor',
      text: 'Co-authored-by: Cursor Agent <cursoragent@cursor.com>'
    },
    {
      agent: 'Cursor background agent as author',
      commit: commit({
        author: { name: 'Cursor Agent', email: 'cursoragent@cursor.com' },
        committer: { name: 'Cursor Agent', email: 'cursoragent@cursor.com' },
        message: 'Drop the unused queue'
      }),
      pr: pullRequest({
        headBranch: 'cursor/drop-unused-queue-3f9a',
        body: lines(
          '<!-- CURSOR_AGENT_PR_BODY_BEGIN -->',
          'Drops it.',
          '<!-- CURSOR_AGENT_PR_BODY_END -->'
        )
      }),
      tool: 'cursor',
      confidence: 'definite',
      ruleId: 'cursor.email.author',
      text: 'cursoragent@cursor.com'
    },
    {
      agent: 'Cursor Made-with trailer',
      commit: commit({
        message: lines('Add outputs', '', 'Made-with: Cursor')
      }),
      tool: 'cursor',
      confidence: 'likely',
      ruleId: 'cursor.madewith',
      text: 'Made-with: Cursor'
    },
    {
      agent: 'Aider v0.85+ co-author',
      commit: commit({
        message: lines(
          'feat: add read replica',
          '',
          'Co-authored-by: aider (anthropic/claude-sonnet-4-5) <aider@aider.chat>'
        )
      }),
      tool: 'aider',
      confidence: 'definite',
      ruleId: 'aider.coauthor',
      text: 'Co-authored-by: aider (anthropic/claude-sonnet-4-5) <aider@aider.chat>'
    },
    {
      agent: 'Aider before v0.85 ("(aider)" author suffix)',
      commit: commit({
        author: { name: 'Ann Lee (aider)', email: ANN.email },
        committer: { name: 'Ann Lee (aider)', email: ANN.email },
        message: 'feat: add read replica'
      }),
      tool: 'aider',
      confidence: 'definite',
      ruleId: 'aider.author.name',
      text: 'Ann Lee (aider)'
    },
    {
      agent: 'Aider "aider: " subject prefix',
      commit: commit({ message: 'aider: Rename the state bucket' }),
      tool: 'aider',
      confidence: 'likely',
      ruleId: 'aider.prefix',
      // The matched token, not the rest of the line.
      text: 'aider:'
    },
    {
      agent: 'Devin as author',
      commit: commit({
        author: {
          name: 'Devin AI',
          email: '158243242+devin-ai-integration[bot]@users.noreply.github.com'
        },
        message: lines(
          'Upgrade the provider',
          '',
          'Co-Authored-By: Ann Lee <ann@example.com>'
        )
      }),
      pr: pullRequest({
        authorLogin: 'devin-ai-integration[bot]',
        authorType: 'Bot',
        headBranch: 'devin/1718000000-upgrade-provider',
        body: 'Link to Devin run: https://app.devin.ai/sessions/0123456789abcdef0123456789abcdef\nRequested by: Ann'
      }),
      tool: 'devin',
      confidence: 'definite',
      ruleId: 'devin.email.author',
      text: '158243242+devin-ai-integration[bot]@users.noreply.github.com'
    },
    {
      agent: 'Devin CLI footer and co-author',
      commit: commit({
        message: lines(
          'Fix drift in the VPC',
          '',
          'Generated with [Devin](https://cli.devin.ai/docs)',
          '',
          'Co-Authored-By: Devin <158243242+devin-ai-integration[bot]@users.noreply.github.com>'
        )
      }),
      tool: 'devin',
      confidence: 'definite',
      ruleId: 'devin.email.coauthor',
      text: 'Co-Authored-By: Devin <158243242+devin-ai-integration[bot]@users.noreply.github.com>'
    },
    {
      agent: 'OpenAI Codex CLI (opt-in trailer)',
      commit: commit({
        message: lines(
          'Refactor locals',
          '',
          'Co-authored-by: Codex <noreply@openai.com>'
        )
      }),
      tool: 'codex-cli',
      confidence: 'definite',
      ruleId: 'codex.cli.coauthor',
      text: 'Co-authored-by: Codex <noreply@openai.com>'
    },
    {
      agent: 'OpenAI Codex cloud (PR opened as the human)',
      commit: commit({ message: 'Rename the orders database' }),
      pr: pullRequest({
        headBranch: 'codex/rename-orders-db',
        body: lines(
          '## Summary',
          '- rename the orders database',
          '',
          '## Testing',
          '- `terraform validate`',
          '',
          '------',
          '[Codex Task](https://chatgpt.com/codex/tasks/task_e_68a1b2c3d4e5f60718293a4b5c6d7e8f)'
        )
      }),
      tool: 'codex-cloud',
      confidence: 'definite',
      ruleId: 'codex.cloud.body',
      text: '[Codex Task](https://chatgpt.com/codex/tasks/task_e_68a1b2c3d4e5f60718293a4b5c6d7e8f)'
    },
    {
      agent: 'Google Jules',
      commit: commit({
        author: {
          name: 'google-labs-jules[bot]',
          email: '161369871+google-labs-jules[bot]@users.noreply.github.com'
        },
        message: 'Add the missing tags'
      }),
      tool: 'jules',
      confidence: 'definite',
      ruleId: 'jules.email.author',
      text: '161369871+google-labs-jules[bot]@users.noreply.github.com'
    },
    {
      agent: 'Google Jules PR footer (PR owned by the human)',
      commit: commit(),
      pr: pullRequest({
        body: '*PR created automatically by Jules for task [1234567890123456](https://jules.google.com/task/1234567890123456) started by @annlee*'
      }),
      tool: 'jules',
      confidence: 'definite',
      ruleId: 'jules.body',
      text: '*PR created automatically by Jules for task [1234567890123456]'
    },
    {
      agent: 'Amazon Q Developer agent',
      commit: commit({
        author: {
          name: 'amazon-q-developer[bot]',
          email: '208079219+amazon-q-developer[bot]@users.noreply.github.com'
        },
        message: 'Implement the feature request'
      }),
      tool: 'amazon-q',
      confidence: 'definite',
      ruleId: 'amazonq.email.author',
      text: '208079219+amazon-q-developer[bot]@users.noreply.github.com'
    },
    {
      agent: 'Kiro autonomous agent',
      commit: commit({
        author: {
          name: 'Kiro Agent',
          email: '244629292+kiro-agent@users.noreply.github.com'
        },
        message: 'Add the cache cluster'
      }),
      tool: 'kiro',
      confidence: 'definite',
      ruleId: 'kiro.email.author',
      text: '244629292+kiro-agent@users.noreply.github.com'
    },
    {
      agent: 'Sourcegraph Amp',
      commit: commit({
        message: lines(
          'Consolidate IAM policies',
          '',
          'Amp-Thread-ID: https://ampcode.com/threads/T-5f1c2d3e-4a5b-6c7d-8e9f-0a1b2c3d4e5f',
          'Co-authored-by: Amp <amp@ampcode.com>'
        )
      }),
      tool: 'amp',
      confidence: 'definite',
      ruleId: 'amp.email.coauthor',
      text: 'Co-authored-by: Amp <amp@ampcode.com>'
    },
    {
      agent: 'OpenHands',
      commit: commit({
        author: { name: 'openhands', email: 'openhands@all-hands.dev' },
        message: 'Fix issue #12: bucket is public'
      }),
      pr: pullRequest({ headBranch: 'openhands-fix-issue-12' }),
      tool: 'openhands',
      confidence: 'definite',
      ruleId: 'openhands.email.author',
      text: 'openhands@all-hands.dev'
    },
    {
      agent: 'Replit Agent (author is the user)',
      commit: commit({
        author: { name: 'ann', email: '1234-ann@users.noreply.replit.com' },
        message: lines(
          'Add a database',
          '',
          'Replit-Commit-Author: Agent',
          'Replit-Commit-Session-Id: 6b1f7c2e-8a3d-4e5f-9b0c-1d2e3f4a5b6c',
          'Replit-Commit-Checkpoint-Type: full_checkpoint'
        )
      }),
      tool: 'replit-agent',
      confidence: 'definite',
      ruleId: 'replit.agent',
      text: 'Replit-Commit-Author: Agent'
    },
    {
      agent: 'Lovable',
      commit: commit({
        author: {
          name: 'gpt-engineer-app[bot]',
          email: '159125892+gpt-engineer-app[bot]@users.noreply.github.com'
        },
        message: 'Changes'
      }),
      tool: 'lovable',
      confidence: 'definite',
      ruleId: 'lovable.email.author',
      text: '159125892+gpt-engineer-app[bot]@users.noreply.github.com'
    },
    {
      agent: 'Roo Code Cloud',
      commit: commit({
        message: lines(
          'Add alarms',
          '',
          'Co-authored-by: Roomote <roomote@roocode.com>'
        )
      }),
      tool: 'roo-code-cloud',
      confidence: 'definite',
      ruleId: 'roo.cloud.coauthor',
      text: 'Co-authored-by: Roomote <roomote@roocode.com>'
    },
    {
      agent: 'Continue CLI',
      commit: commit({
        message: lines(
          'Add outputs',
          '',
          'Generated with [Continue](https://continue.dev)',
          '',
          'Co-Authored-By: Continue <noreply@continue.dev>'
        )
      }),
      tool: 'continue-cli',
      confidence: 'definite',
      ruleId: 'continue.email.coauthor',
      text: 'Co-Authored-By: Continue <noreply@continue.dev>'
    },
    {
      agent: 'Gemini CLI, user-instructed co-author',
      commit: commit({
        message: lines(
          'Add the queue',
          '',
          'Co-authored-by: Gemini CLI <noreply@google.com>'
        )
      }),
      tool: 'gemini-cli',
      confidence: 'likely',
      ruleId: 'gemini.named.coauthor',
      text: 'Co-authored-by: Gemini CLI <noreply@google.com>'
    },
    {
      agent: 'Sweep PR',
      commit: commit(),
      pr: pullRequest({
        authorLogin: 'sweep-ai[bot]',
        authorType: 'Bot',
        headBranch: 'sweep/fix-readme'
      }),
      tool: 'sweep',
      confidence: 'definite',
      ruleId: 'sweep.login',
      text: 'sweep-ai[bot]'
    },
    {
      agent: 'Warp agent',
      commit: commit({
        message: lines(
          'Rotate keys',
          '',
          'Co-Authored-By: Warp <agent@warp.dev>'
        )
      }),
      tool: 'other-agent',
      confidence: 'likely',
      ruleId: 'other.agents.email.coauthor',
      text: 'Co-Authored-By: Warp <agent@warp.dev>'
    },
    {
      agent: 'Linux-kernel style Assisted-by disclosure',
      commit: commit({
        message: lines(
          'net: fix the route table',
          '',
          'Assisted-by: Claude:claude-3-opus coccinelle sparse',
          'Signed-off-by: Ann Lee <ann@example.com>'
        )
      }),
      tool: 'disclosed',
      confidence: 'definite',
      ruleId: 'disclosure.assisted-by',
      text: 'Assisted-by: Claude:claude-3-opus coccinelle sparse'
    },
    {
      agent: 'git-ai note with an AI session attestation',
      commit: commit({
        notes: lines(
          'main.tf',
          '  s_0123456789abcd::t_0123456789abcd 1-12,20',
          '  h_0123456789abcd 13-19',
          '---',
          '{"schema_version":"authorship/3.0.0","base_commit_sha":"abc"}'
        )
      }),
      tool: 'git-ai',
      confidence: 'definite',
      ruleId: 'gitai.note',
      text: 's_0123456789abcd::t_0123456789abcd 1'
    }
  ])('$agent', ({ commit: c, pr, tool, confidence, ruleId, text }) => {
    const verdict = classify(c, pr)
    expect(verdict).toMatchObject({
      sha: c.sha,
      verdict: 'ai',
      tool,
      confidence
    })
    expect(verdict.evidence).toContainEqual(
      expect.objectContaining({ ruleId, tool, confidence, text })
    )
  })
})

describe('classifyCommit does not flag humans', () => {
  it.each<{ name: string; commit: CommitFacts; pr?: PullRequestFacts }>([
    {
      name: 'a human named Claude',
      commit: commit({
        author: { name: 'Claude Dupont', email: 'claude.dupont@gmail.com' }
      })
    },
    {
      name: 'the real GitHub user "claude"',
      commit: commit({
        author: {
          name: 'Claude',
          email: '81847+claude@users.noreply.github.com'
        }
      })
    },
    {
      name: 'an Anthropic employee',
      commit: commit({
        author: { name: 'Boris', email: 'boris@anthropic.com' }
      })
    },
    {
      name: 'aider’s human author',
      commit: commit({
        author: { name: 'Paul Gauthier', email: 'paul@aider.chat' }
      })
    },
    {
      name: 'Cline staff',
      commit: commit({ author: { name: 'Saoud', email: 'saoud@cline.bot' } })
    },
    {
      name: 'a commit made in the GitHub UI (web-flow committer)',
      commit: commit({ committer: GITHUB_WEB_FLOW })
    },
    {
      name: 'humans named Claude, Devin and Jules as co-authors',
      commit: commit({
        message: lines(
          'Pair on the VPC',
          '',
          'Co-authored-by: Claude Dupont <claude.dupont@gmail.com>',
          'Co-authored-by: Devin Smith <devin@example.com>',
          'Co-authored-by: Jules Verne <jules@anthropic.com>'
        )
      })
    },
    {
      name: 'a quoted Claude trailer',
      commit: commit({
        message: lines(
          'Add a hook that strips AI trailers',
          '',
          'It removes lines such as',
          '',
          '> Co-authored-by: Claude <noreply@anthropic.com>'
        )
      })
    },
    {
      name: 'a fenced Claude trailer',
      commit: commit({
        message: lines(
          'Document the trailer hook',
          '',
          '```',
          'Co-authored-by: Claude <noreply@anthropic.com>',
          '🤖 Generated with [Claude Code](https://claude.com/claude-code)',
          '```'
        )
      })
    },
    {
      name: 'a bulleted Claude trailer',
      commit: commit({
        message: lines(
          'Document the trailer hook',
          '',
          '- Co-authored-by: Claude <noreply@anthropic.com>',
          '- Co-authored-by: Cursor Agent <cursoragent@cursor.com>'
        )
      })
    },
    {
      name: 'markers mentioned mid-line',
      commit: commit({
        message: lines(
          'Document the trailer hook',
          '',
          'The hook drops "Co-authored-by: Claude <noreply@anthropic.com>" and the',
          'footer 🤖 Generated with [Claude Code](https://claude.com/claude-code) too.',
          'Say "aider: " in a subject to mark aider commits.'
        )
      })
    },
    {
      name: 'a Co-authored-by trailer-like line that is not in the last paragraph',
      commit: commit({
        message: lines(
          'Document the trailer hook',
          '',
          'Co-authored-by: Cursor Agent <cursoragent@cursor.com>',
          '',
          'is what Cursor writes.'
        )
      })
    },
    {
      name: 'a user account named Copilot or claude opening the PR',
      commit: commit(),
      pr: pullRequest({ authorLogin: 'claude', authorType: 'User' })
    },
    {
      name: 'the subject mentioning aider later in the line',
      commit: commit({ message: 'Fix aider: config typo' })
    }
  ])('$name', ({ commit: c, pr }) => {
    expect(classify(c, pr)).toEqual({
      sha: c.sha,
      verdict: 'human',
      evidence: []
    })
  })
})

describe('classifyCommit on squash merges', () => {
  it('finds the AI co-author among many humans in the final block', () => {
    const verdict = classify(
      commit({
        committer: GITHUB_WEB_FLOW,
        message: lines(
          'Replace the queue module (#482)',
          '',
          '* Add the new queue module',
          '',
          '* Move consumers over',
          '',
          '* Address review: rename input',
          '',
          '---------',
          '',
          'Co-authored-by: Bob <bob@example.com>',
          'Co-authored-by: Cursor Agent <cursoragent@cursor.com>',
          'Co-authored-by: Carol <carol@example.com>',
          ANN_NOREPLY
        )
      })
    )
    expect(verdict).toMatchObject({
      verdict: 'ai',
      tool: 'cursor',
      confidence: 'definite'
    })
    expect(verdict.evidence.map((e) => e.ruleId)).toEqual([
      'cursor.email.coauthor'
    ])
  })

  it('finds a squashed commit’s footer that survives mid-body', () => {
    const verdict = classify(
      commit({
        message: lines(
          'Rename the orders database (#90)',
          '',
          '* Rename the database',
          '',
          '🤖 Generated with [Claude Code](https://claude.com/claude-code)',
          '',
          '* Fix the tests'
        )
      })
    )
    expect(verdict).toMatchObject({ verdict: 'ai', tool: 'claude-code' })
    expect(verdict.evidence.map((e) => e.ruleId)).toEqual(['claude.footer'])
  })
})

describe('classifyCommit on non-AI automation', () => {
  const dependabot = commit({
    author: {
      name: 'dependabot[bot]',
      email: '49699333+dependabot[bot]@users.noreply.github.com'
    },
    committer: GITHUB_WEB_FLOW,
    message: lines(
      'Bump hashicorp/aws from 5.40.0 to 6.0.0',
      '',
      'Bumps [hashicorp/aws](https://github.com/hashicorp/terraform-provider-aws) from 5.40.0 to 6.0.0.',
      '- [Release notes](https://github.com/hashicorp/terraform-provider-aws/releases)',
      '',
      '---',
      'updated-dependencies:',
      '- dependency-name: hashicorp/aws',
      '  dependency-version: 6.0.0',
      '  dependency-type: direct:production',
      '...',
      '',
      'Signed-off-by: dependabot[bot] <support@github.com>'
    )
  })

  it.each<{ name: string; commit: CommitFacts; tool: string }>([
    { name: 'Dependabot', commit: dependabot, tool: 'dependabot' },
    {
      name: 'Renovate',
      commit: commit({
        author: {
          name: 'renovate[bot]',
          email: '29139614+renovate[bot]@users.noreply.github.com'
        },
        message: 'chore(deps): update terraform aws to v6'
      }),
      tool: 'renovate'
    },
    {
      name: 'legacy Renovate Bot',
      commit: commit({
        author: { name: 'Renovate Bot', email: 'bot@renovateapp.com' }
      }),
      tool: 'renovate'
    },
    {
      name: 'a self-hosted Renovate app',
      commit: commit({
        author: {
          name: 'pulumi-renovate[bot]',
          email: '189166143+pulumi-renovate[bot]@users.noreply.github.com'
        }
      }),
      tool: 'renovate'
    },
    {
      name: 'github-actions[bot]',
      commit: commit({
        author: {
          name: 'github-actions[bot]',
          email: '41898282+github-actions[bot]@users.noreply.github.com'
        }
      }),
      tool: 'github-actions'
    },
    {
      name: 'pre-commit-ci',
      commit: commit({
        author: {
          name: 'pre-commit-ci[bot]',
          email: '66853113+pre-commit-ci[bot]@users.noreply.github.com'
        },
        message: '[pre-commit.ci] auto fixes from pre-commit.com hooks'
      }),
      tool: 'ci-bot'
    }
  ])('$name is automation, not AI', ({ commit: c, tool }) => {
    expect(classify(c)).toMatchObject({
      verdict: 'automation',
      tool,
      confidence: 'definite'
    })
  })

  it('a human’s fix-up commit on a Dependabot PR stays human', () => {
    const verdict = classify(
      commit(),
      pullRequest({
        authorLogin: 'dependabot[bot]',
        authorType: 'Bot',
        headBranch: 'dependabot/terraform/hashicorp/aws-6.0.0'
      })
    )
    expect(verdict.verdict).toBe('human')
    expect(verdict.evidence.map((e) => e.ruleId)).toEqual([
      'dependabot.login',
      'dependabot.branch'
    ])
  })

  it('an AI marker beats automation (an agent amended a bot’s commit)', () => {
    const amended = {
      ...dependabot,
      message: `${dependabot.message}\nCo-Authored-By: Claude <noreply@anthropic.com>`
    }
    expect(classify(amended)).toMatchObject({
      verdict: 'ai',
      tool: 'claude-code'
    })
  })
})

describe('classifyCommit on weak signals', () => {
  it.each<{
    name: string
    commit: CommitFacts
    pr?: PullRequestFacts
    ruleIds: string[]
  }>([
    {
      name: 'aider as committer only (it committed the human’s own edits)',
      commit: commit({
        committer: { name: 'Ann Lee (aider)', email: ANN.email }
      }),
      ruleIds: ['aider.committer.name']
    },
    {
      name: 'an agent-looking branch name alone',
      commit: commit(),
      pr: pullRequest({ headBranch: 'claude/rename-db' }),
      ruleIds: ['claude.branch']
    },
    {
      name: 'an "AI-generated" mention',
      commit: commit({
        message: lines(
          'Remove flaky tests',
          '',
          'Drops the AI-generated tests from last week.'
        )
      }),
      ruleIds: ['keywords']
    },
    {
      name: 'two weak hits naming different tools',
      commit: commit({
        committer: { name: 'Ann Lee (aider)', email: ANN.email }
      }),
      pr: pullRequest({ headBranch: 'claude/rename-db' }),
      ruleIds: ['aider.committer.name', 'claude.branch']
    },
    {
      name: 'a Replit publish (Deployment is not AI code)',
      commit: commit({
        message: lines(
          'Published your App',
          '',
          'Replit-Commit-Author: Deployment'
        )
      }),
      ruleIds: ['replit.deploy']
    }
  ])(
    '$name is advisory: human, evidence kept',
    ({ commit: c, pr, ruleIds }) => {
      const verdict = classify(c, pr)
      expect(verdict.verdict).toBe('human')
      expect(verdict).not.toHaveProperty('tool')
      expect(verdict.evidence.map((e) => e.ruleId)).toEqual(ruleIds)
      expect(verdict.evidence.every((e) => e.confidence === 'weak')).toBe(true)
    }
  )

  it.each<{
    name: string
    commit: CommitFacts
    pr?: PullRequestFacts
    tool: string
  }>([
    {
      name: 'Bolt as author and committer',
      commit: commit({
        author: { name: 'Bolt', email: 'bolt@stackblitz.com' },
        committer: { name: 'Bolt', email: 'bolt@stackblitz.com' }
      }),
      tool: 'bolt'
    },
    {
      name: 'an AI keyword in the commit and in the PR body',
      commit: commit({
        message: lines('Add the module', '', 'Vibe-coded in an afternoon.')
      }),
      pr: pullRequest({ body: 'This module is AI-generated.' }),
      tool: 'unknown-agent'
    }
  ])(
    'two weak hits from different fields naming one tool: ai, confidence weak ($name)',
    ({ commit: c, pr, tool }) => {
      expect(classify(c, pr)).toMatchObject({
        verdict: 'ai',
        tool,
        confidence: 'weak'
      })
    }
  )

  it('two weak hits on the same field never corroborate', () => {
    const extra: Rule = {
      id: 'acme.branch',
      tool: 'claude-code',
      category: 'ai',
      confidence: 'weak',
      field: 'head-branch',
      match: { kind: 'glob', pattern: '*/rename-*' }
    }
    const rules = buildRules(DEFAULT_RULES, { extra: [extra] })
    const verdict = classify(
      commit(),
      pullRequest({ headBranch: 'claude/rename-db' }),
      rules
    )
    expect(verdict.verdict).toBe('human')
    expect(verdict.evidence.map((e) => e.ruleId)).toEqual([
      'claude.branch',
      'acme.branch'
    ])
  })

  it('weak evidence adds to a stronger verdict without lowering it', () => {
    const verdict = classify(
      commit({
        message: lines(
          'Rename',
          '',
          'Co-authored-by: Cursor <cursoragent@cursor.com>'
        )
      }),
      pullRequest({ headBranch: 'cursor/rename-db-1a2b' })
    )
    expect(verdict).toMatchObject({
      verdict: 'ai',
      tool: 'cursor',
      confidence: 'definite'
    })
    expect(verdict.evidence.map((e) => [e.ruleId, e.confidence])).toEqual([
      ['cursor.email.coauthor', 'definite'],
      ['cursor.branch', 'weak']
    ])
  })
})

describe('classifyCommit with pull-request evidence', () => {
  const copilotPr = pullRequest({
    authorLogin: 'Copilot',
    authorType: 'Bot',
    headBranch: 'copilot/rename-orders-table'
  })

  it('reaches every commit of the PR, including a human’s fix-up', () => {
    const verdict = classify(
      commit({ message: 'Fix the review comment' }),
      copilotPr
    )
    expect(verdict).toMatchObject({
      verdict: 'ai',
      tool: 'copilot-coding-agent',
      confidence: 'definite'
    })
    expect(verdict.evidence.map((e) => e.field)).toEqual([
      'pr-author-login',
      'head-branch'
    ])
  })

  it('reaches a trusted human’s commit too (agents commit as their human)', () => {
    const rules = buildRules(DEFAULT_RULES, { trustedHumans: [ANN.email] })
    const verdict = classify(commit(), copilotPr, rules)
    expect(verdict).toMatchObject({
      verdict: 'ai',
      tool: 'copilot-coding-agent'
    })
    expect(verdict.evidence.map((e) => e.ruleId)).toContain(
      'trusted-human.0.author-email'
    )
  })

  it('comes after the commit’s own evidence of equal strength', () => {
    const verdict = classify(
      commit({
        message: lines(
          'Rename',
          '',
          'Co-authored-by: Cursor <cursoragent@cursor.com>'
        )
      }),
      copilotPr
    )
    expect(verdict.tool).toBe('cursor')
    expect(verdict.evidence.map((e) => e.ruleId)).toEqual([
      'cursor.email.coauthor',
      'copilot.agent.login',
      'copilot.agent.branch'
    ])
  })

  it('a Bot login that is not an agent is not AI', () => {
    const verdict = classify(
      commit(),
      pullRequest({ authorLogin: 'my-deployer[bot]', authorType: 'Bot' })
    )
    expect(verdict).toEqual({
      sha: 'a'.repeat(40),
      verdict: 'human',
      evidence: []
    })
  })
})

describe('classifyCommit evidence', () => {
  it(`quotes at most ${MAX_EVIDENCE_CHARS} characters`, () => {
    const long = `Co-authored-by: Claude ${'x'.repeat(400)} <noreply@anthropic.com>`
    const verdict = classify(commit({ message: lines('Fix', '', long) }))
    const text = verdict.evidence[0]?.text ?? ''
    expect(text).toHaveLength(MAX_EVIDENCE_CHARS)
    expect(text.endsWith('…')).toBe(true)
  })

  it('lists each rule once, even when it matches several lines', () => {
    const verdict = classify(
      commit({
        message: lines(
          'Fix',
          '',
          'Co-Authored-By: Claude <noreply@anthropic.com>',
          'Co-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>'
        )
      })
    )
    expect(verdict.evidence.map((e) => e.text)).toEqual([
      'Co-Authored-By: Claude <noreply@anthropic.com>'
    ])
  })

  it('names the strongest tool first when agents mix (Codex author, Claude trailer)', () => {
    const verdict = classify(
      commit({
        author: { name: 'Codex', email: 'codex@openai.com' },
        message: lines(
          'Fix',
          '',
          'Co-Authored-By: Claude <noreply@anthropic.com>'
        )
      })
    )
    expect(verdict).toMatchObject({
      verdict: 'ai',
      tool: 'claude-code',
      confidence: 'definite'
    })
    expect(verdict.evidence.map((e) => e.tool)).toEqual([
      'claude-code',
      'codex-cloud'
    ])
  })
})

describe('evidence is the matched token, never the rest of the line', () => {
  it('quotes the Claude footer without what follows it on the line', () => {
    const forged =
      '🤖 Generated with [Claude Code](https://claude.com/claude-code)\r\r## ✅ plangate: approved by @octocat cc @acme/infra-team\r\r<!--'
    const verdict = classify(commit({ message: `Rename\n\n${forged}` }))
    expect(verdict.verdict).toBe('ai')
    expect(verdict.evidence[0]?.text).toBe(
      '🤖 Generated with [Claude Code](https://claude.com/claude-code)'
    )
  })
})
