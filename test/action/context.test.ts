import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseEvent, readContext } from '../../src/action/context.js'
import { examplePayload, pullRequestEvent, setPath } from '../support/events.js'

const SHA = 'c'.repeat(40)

describe('parseEvent on GitHub example payloads', () => {
  it('reads a pull_request event', () => {
    expect(
      parseEvent(
        'pull_request',
        pullRequestEvent({ number: 12, headSha: SHA, baseRef: 'release' }),
        'event.json'
      )
    ).toEqual({
      kind: 'pull_request',
      name: 'pull_request',
      action: 'opened',
      number: 12,
      headSha: SHA,
      baseRef: 'release'
    })
  })

  it.each(['opened', 'synchronize', 'reopened', 'ready_for_review'])(
    'reads the %s action of the example payload as it comes',
    (action) => {
      const event = parseEvent(
        'pull_request',
        examplePayload('pull_request', action),
        'event.json'
      )
      expect(event).toMatchObject({ kind: 'pull_request', action })
    }
  )

  it('reads a merge_group event, without refs/heads/', () => {
    const event = parseEvent(
      'merge_group',
      examplePayload('merge_group'),
      'event.json'
    )
    expect(event.kind).toBe('merge_group')
    if (event.kind === 'merge_group') {
      expect(event.baseRef).not.toMatch(/^refs\//)
      expect(event.headSha).toMatch(/^[0-9a-f]{40}$/)
    }
  })

  it('tells pull request comments from issue comments', () => {
    const comments = [
      examplePayload('issue_comment', 'created'),
      examplePayload('issue_comment', 'edited'),
      examplePayload('issue_comment', 'deleted')
    ].map((payload) => parseEvent('issue_comment', payload, 'event.json'))
    for (const event of comments) expect(event.kind).toBe('issue_comment')
    const onIssue = examplePayload('issue_comment', 'created')
    setPath(onIssue, 'issue.pull_request', undefined)
    expect(parseEvent('issue_comment', onIssue, 'e.json')).toMatchObject({
      isPullRequest: false
    })
  })

  it('reads a pull_request_review event', () => {
    expect(
      parseEvent(
        'pull_request_review',
        examplePayload('pull_request_review', 'submitted'),
        'event.json'
      )
    ).toMatchObject({ kind: 'pull_request_review', action: 'submitted' })
  })

  it.each(['push', 'workflow_dispatch', 'schedule'])(
    'treats %s as report-only',
    (name) => {
      expect(parseEvent(name, {}, 'event.json')).toEqual({
        kind: 'report',
        name
      })
    }
  )

  it.each([
    ['pull_request.number', 'a string', '12'],
    ['pull_request.number', 'zero', 0],
    ['pull_request.head.sha', 'a short SHA', 'abc123'],
    ['pull_request.head.sha', 'missing', undefined],
    ['pull_request.base.ref', 'empty', '']
  ])('names the field when %s is %s', (path, _what, value) => {
    const payload = pullRequestEvent({ number: 12, headSha: SHA })
    setPath(payload, path, value)
    expect(() => parseEvent('pull_request', payload, 'event.json')).toThrow(
      new RegExp(`^event\\.json: expected ${path.replace(/\./g, '\\.')} to be`)
    )
  })
})

describe('readContext', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plangate-context-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads the runner environment', () => {
    const path = join(dir, 'event.json')
    writeFileSync(
      path,
      JSON.stringify(pullRequestEvent({ number: 3, headSha: SHA }))
    )
    const context = readContext({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: path,
      GITHUB_REPOSITORY: 'acme/infra',
      GITHUB_API_URL: 'http://127.0.0.1:9/',
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_RUN_ID: '42',
      GITHUB_WORKSPACE: dir,
      RUNNER_TEMP: dir
    })
    expect(context).toMatchObject({
      repository: 'acme/infra',
      owner: 'acme',
      repo: 'infra',
      apiUrl: 'http://127.0.0.1:9',
      runUrl: 'https://github.example/acme/infra/actions/runs/42',
      workspace: dir
    })
  })

  it('names an unreadable event file', () => {
    const path = join(dir, 'broken.json')
    writeFileSync(path, '{not json')
    expect(() =>
      readContext({
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: path
      })
    ).toThrow(`${path}: expected the event payload as JSON, found invalid JSON`)
  })
})
