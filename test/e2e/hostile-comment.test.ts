import { execFileSync, spawnSync } from 'node:child_process'
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixturePath } from '../helpers.js'
import { runAction, TOKEN } from '../support/action-run.js'
import { pullRequestEvent } from '../support/events.js'
import { makeUser, startFakeGitHub } from '../support/fake-github.js'
import { commitDetailsOf, pullOf } from '../support/repo-state.js'

/**
 * Issue 11 §1 through the bundle: an AI commit whose Claude footer line
 * carries, after lone carriage returns, a forged "approved" heading,
 * mentions and an unclosed HTML comment; a plan file whose name holds `@`,
 * `|` and an issue reference. plangate's own comment must show them as
 * data: no forged heading, no mention that pings, no comment that hides
 * the command.
 */
const FORGED =
  '🤖 Generated with [Claude Code](https://claude.com/claude-code)\r\r## ✅ plangate: approved by @octocat cc @acme/infra-team\r\r<!--'
const PLAN_NAME = 'plan @octocat|#12 [x](www.evil.example).json'

const work = mkdtempSync(join(tmpdir(), 'plangate-hostile-comment-'))
const repo = join(work, 'repo')
let pr: ReturnType<typeof pullOf>

beforeAll(() => {
  const built = spawnSync(
    'bash',
    [fixturePath('attribution/scenario/build-repo.sh'), repo],
    { encoding: 'utf8' }
  )
  expect(built.status, built.stderr).toBe(0)
  // One more AI commit that edits the database block, with the forged footer.
  appendFileSync(join(repo, 'main.tf'), '\n# tuning the orders database\n')
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    HOME: join(repo, '.home'),
    GIT_AUTHOR_NAME: 'Dana Human',
    GIT_AUTHOR_EMAIL: 'dana@example.com',
    GIT_COMMITTER_NAME: 'Dana Human',
    GIT_COMMITTER_EMAIL: 'dana@example.com',
    GIT_AUTHOR_DATE: '2026-11-21T10:00:00Z',
    GIT_COMMITTER_DATE: '2026-11-21T10:00:00Z'
  }
  execFileSync('git', ['-C', repo, 'add', '-A'], { env })
  execFileSync(
    'git',
    [
      '-C',
      repo,
      '-c',
      'commit.gpgsign=false',
      'commit',
      '-q',
      '-m',
      `Tune the database\n\n${FORGED}`
    ],
    { env }
  )
  mkdirSync(join(repo, 'plans'))
  copyFileSync(
    fixturePath('attribution/scenario/plan.json'),
    join(repo, 'plans', PLAN_NAME)
  )
  pr = pullOf(repo, 'base', { number: 7, user: makeUser('dana-human') })
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('hostile commit and plan text in the comment', () => {
  it('stays data: no forged heading, no mention, no hiding comment', async () => {
    const fake = await startFakeGitHub({
      token: TOKEN,
      pulls: { 7: pr.pull },
      pullCommits: { 7: pr.commits },
      ...commitDetailsOf(repo, pr.commits),
      comments: { 7: [] }
    })
    try {
      const run = await runAction({
        cwd: repo,
        eventName: 'pull_request',
        payload: pullRequestEvent({ number: 7, headSha: pr.headSha }),
        inputs: { plan: 'plans/*.json' },
        apiUrl: fake.url
      })
      expect(run.code, run.stdout + run.stderr).toBe(0)
      expect(run.outputs.decision).toBe('blocked')
      const body = String(fake.state.comments[7]?.[0]?.body)
      for (const markdown of [body, run.summary]) {
        // No line break can come from data: no CR at all, no forged heading.
        expect(markdown).not.toContain('\r')
        expect(markdown).not.toMatch(/^#{1,6} ✅ plangate: approved/m)
        // The only HTML comments are plangate's own markers, each closed on its line.
        for (const line of markdown.split('\n'))
          if (line.includes('<!--'))
            expect(line).toMatch(/^<!-- \/?plangate:[^>]*-->$/)
        // Outside code (where nothing is interpreted), mentions, issue
        // references and links from data never link.
        const prose = markdown
          .replace(/<code>.*?<\/code>/g, '')
          .replace(/(`+)[^`]*?\1/g, '')
        expect(prose).not.toMatch(/(^|[^\w])@(octocat|acme)/m)
        expect(prose).not.toMatch(/(^|[^\w&])#12\b/m)
        expect(prose).not.toMatch(/[^\\]\]\(www\.evil\.example/)
        expect(prose).not.toMatch(/(^|[^\w])www\.evil/m)
        // The forged text is not there at all: evidence quotes the matched footer only.
        expect(markdown).not.toContain('plangate: approved by')
      }
      // The command is still there, above the fold.
      const top = body.slice(0, body.indexOf('<details>'))
      expect(top).toContain(`/approve-destroy ${run.outputs.digest}`)
    } finally {
      await fake.close()
    }
  }, 60_000)
})
