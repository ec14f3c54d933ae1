// Renders preview/*.md (a PR comment, a job summary) the way GitHub shows a
// pull request comment, so that a change to the report can be looked at
// before it is posted: preview/<name>.html for every Markdown file and, where
// a Chromium is installed, full-page screenshots of each page.
//
// Usage: node scripts/preview-html.js [DIR] [--expanded]
//   DIR         folder of .md files (default: preview)
//   --expanded  also take them with every <details> open
//               (<name>.expanded.png, <name>.expanded.phone.png)
// Environment: CHROMIUM_PATH, the browser to use (default /usr/bin/chromium).
// Screenshots: <name>.png at GitHub's comment width, <name>.phone.png at a
// phone's; without a browser they are skipped and the script still exits 0.
//
// The pipeline follows GitHub's: GFM with hard line breaks (as in comments)
// and alerts, then GitHub's HTML allowlist (hast-util-sanitize's default
// schema), then what GitHub adds after sanitising: task-list classes and
// syntax highlighting with GitHub's own grammars (starry-night). The page is
// styled by github-markdown-css, light theme.

/* global document -- used in callbacks that run inside the browser page */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { common, createStarryNight } from '@wooorm/starry-night'
import { fromHtml } from 'hast-util-from-html'
import { defaultSchema, sanitize } from 'hast-util-sanitize'
import { toHtml } from 'hast-util-to-html'
import { Marked } from 'marked'
import markedAlert from 'marked-alert'

const USAGE = 'usage: node scripts/preview-html.js [DIR] [--expanded]'

/** GitHub's comment column is about this wide on a 1280 px screen. */
const DESKTOP_WIDTH = 1012
/** A common phone's CSS width (iPhone 12 to 15). */
const PHONE_WIDTH = 390

/** Flags that keep Chromium off this machine's closed network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

const ALERT_VARIANT = /^markdown-alert-(?:note|tip|important|warning|caution)$/

/**
 * GitHub's allowlist, plus the markup that marked-alert writes for an alert
 * (GitHub adds that after sanitising; written by hand in a comment, GitHub
 * would strip these classes and the icon, and this preview would not).
 * @type {import('hast-util-sanitize').Schema}
 */
const SCHEMA = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'svg', 'path'],
  attributes: {
    ...defaultSchema.attributes,
    div: [
      ...(defaultSchema.attributes?.div ?? []),
      ['className', 'markdown-alert', ALERT_VARIANT]
    ],
    p: [['className', 'markdown-alert-title']],
    svg: [
      ['className', 'octicon', /^octicon-[a-z-]+$/, 'mr-2'],
      'viewBox',
      'width',
      'height',
      'ariaHidden'
    ],
    path: ['d']
  }
}

/** Page chrome around the rendered body, in GitHub's light theme. */
const PAGE_CSS = `
body { margin: 0; background: #ffffff; }
.comment { border: 1px solid #d1d9e0; border-radius: 6px; margin: 0; }
.comment-header {
  background: #f6f8fa; border-bottom: 1px solid #d1d9e0;
  border-radius: 6px 6px 0 0; color: #59636e; padding: 8px 16px;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans",
    Helvetica, Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji";
}
.comment-header strong { color: #1f2328; }
/* Comments are set at 14 px, README files at 16 px. */
.markdown-body { font-size: 14px; padding: 16px; border-radius: 0 0 6px 6px; }
.markdown-body .mr-2 { margin-right: 8px; }
.markdown-body .octicon { fill: currentColor; }
`

/**
 * @typedef {import('hast').Root} Root
 * @typedef {import('hast').Element} Element
 * @typedef {import('hast').ElementContent} ElementContent
 * @typedef {import('hast').RootContent} RootContent
 */

/**
 * Calls `visit` on every element under `node`, parents before children.
 * @param {Root | Element} node
 * @param {(element: Element, parent: Root | Element, index: number) => void} visit
 */
function walkElements(node, visit) {
  node.children.forEach((child, index) => {
    if (child.type !== 'element') return
    visit(child, node, index)
    walkElements(child, visit)
  })
}

/**
 * The text content of a node.
 * @param {RootContent | Root} node
 * @returns {string}
 */
function textOf(node) {
  if (node.type === 'text') return node.value
  if ('children' in node) return node.children.map(textOf).join('')
  return ''
}

/**
 * The class names of an element.
 * @param {Element} element
 * @returns {string[]}
 */
function classesOf(element) {
  const value = element.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

/**
 * GitHub marks task lists with classes that github-markdown-css styles.
 * @param {Root} tree
 */
function markTaskLists(tree) {
  walkElements(tree, (element, parent) => {
    if (element.tagName !== 'li') return
    let first = element.children.find((c) => c.type === 'element')
    if (first?.tagName === 'p')
      first = first.children.find((c) => c.type === 'element')
    if (first?.tagName !== 'input' || first.properties.type !== 'checkbox')
      return
    element.properties.className = ['task-list-item']
    first.properties.className = ['task-list-item-checkbox']
    if (parent.type === 'element')
      parent.properties.className = ['contains-task-list']
  })
}

/**
 * Replaces each fenced block in a language GitHub knows with the markup
 * GitHub writes: `div.highlight.highlight-source-diff > pre > span.pl-*`.
 * @param {Root} tree
 * @param {Awaited<ReturnType<typeof createStarryNight>>} starryNight
 */
function highlightCode(tree, starryNight) {
  walkElements(tree, (element, parent, index) => {
    if (element.tagName !== 'pre') return
    const [code] = element.children
    if (code?.type !== 'element' || code.tagName !== 'code') return
    const language = classesOf(code)
      .find((c) => c.startsWith('language-'))
      ?.slice('language-'.length)
    const scope =
      language === undefined ? undefined : starryNight.flagToScope(language)
    if (scope === undefined) return
    const highlighted = starryNight.highlight(textOf(code), scope)
    /** @type {Element} */
    const block = {
      type: 'element',
      tagName: 'div',
      properties: {
        className: [
          'highlight',
          `highlight-${scope.replaceAll('.', '-')}`,
          'notranslate'
        ]
      },
      children: [
        {
          type: 'element',
          tagName: 'pre',
          properties: {},
          children: /** @type {ElementContent[]} */ (highlighted.children)
        }
      ]
    }
    parent.children[index] = block
  })
}

/**
 * Renders Markdown to the HTML GitHub would show for it.
 * @param {string} markdown
 * @param {Marked} marked
 * @param {Awaited<ReturnType<typeof createStarryNight>>} starryNight
 */
function renderMarkdown(markdown, marked, starryNight) {
  const html = /** @type {string} */ (marked.parse(markdown))
  const tree = /** @type {Root} */ (
    sanitize(fromHtml(html, { fragment: true }), SCHEMA)
  )
  markTaskLists(tree)
  highlightCode(tree, starryNight)
  return toHtml(tree)
}

/**
 * A self-contained page: the rendered body in a comment-like frame.
 * @param {string} name
 * @param {string} body
 * @param {string} css
 */
function renderPage(name, body, css) {
  const title = toHtml({ type: 'text', value: `${name}.md` })
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} (plangate preview)</title>
<style>
${css}
${PAGE_CSS}
</style>
</head>
<body>
<div class="comment">
<div class="comment-header"><strong>${title}</strong> rendered as a GitHub comment</div>
<div class="markdown-body">
${body}
</div>
</div>
</body>
</html>
`
}

/**
 * Full-page screenshots of each page at a desktop and a phone width.
 * Playwright gives Chromium a fresh --user-data-dir in the temp folder.
 * @param {string} executablePath
 * @param {string[]} pages paths of .html files
 * @param {boolean} expanded also take them with every <details> open
 */
async function takeScreenshots(executablePath, pages, expanded) {
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS
  })
  try {
    const sizes = [
      { suffix: '', width: DESKTOP_WIDTH, deviceScaleFactor: 1 },
      { suffix: '.phone', width: PHONE_WIDTH, deviceScaleFactor: 2 }
    ]
    for (const { suffix, width, deviceScaleFactor } of sizes) {
      const context = await browser.newContext({
        viewport: { width, height: 800 },
        deviceScaleFactor
      })
      const page = await context.newPage()
      for (const html of pages) {
        const stem = html.slice(0, -'.html'.length)
        await page.goto(pathToFileURL(html).href, { waitUntil: 'load' })
        await page.evaluate(() => document.fonts.ready)
        await shoot(page, `${stem}${suffix}.png`, width)
        if (!expanded) continue
        await page.evaluate(() => {
          for (const details of document.querySelectorAll('details'))
            details.open = true
        })
        await shoot(page, `${stem}.expanded${suffix}.png`, width)
      }
      await context.close()
    }
  } finally {
    await browser.close()
  }
}

/** Pages taller than this are shot down to this height: what a reviewer reads first. */
const MAX_SHOT_HEIGHT = 12_000

/**
 * One screenshot, the whole page up to MAX_SHOT_HEIGHT; a page that fails
 * is reported and skipped, the others still get theirs.
 * @param {import('playwright-core').Page} page
 * @param {string} path
 * @param {number} width
 */
async function shoot(page, path, width) {
  try {
    const height = await page.evaluate(() => document.body.scrollHeight)
    if (height > MAX_SHOT_HEIGHT)
      await page.screenshot({
        path,
        fullPage: true,
        clip: { x: 0, y: 0, width, height: MAX_SHOT_HEIGHT }
      })
    else await page.screenshot({ path, fullPage: true })
    console.log(
      `preview-html: wrote ${path}${height > MAX_SHOT_HEIGHT ? ` (the first ${MAX_SHOT_HEIGHT} of ${height} px)` : ''}`
    )
  } catch (error) {
    console.log(
      `preview-html: skipped ${path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
    )
  }
}

async function main() {
  /** @type {{ values: { expanded?: boolean, help?: boolean }, positionals: string[] }} */
  let args
  try {
    args = parseArgs({
      options: {
        expanded: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }
      },
      allowPositionals: true
    })
  } catch (e) {
    console.error(`preview-html: ${e instanceof Error ? e.message : String(e)}`)
    console.error(USAGE)
    return 2
  }
  if (args.values.help === true) {
    console.log(USAGE)
    return 0
  }
  if (args.positionals.length > 1) {
    console.error(`preview-html: expected at most one folder\n${USAGE}`)
    return 2
  }
  const dir = resolve(args.positionals[0] ?? 'preview')
  if (!existsSync(dir)) {
    console.error(
      `preview-html: no folder ${dir}; run \`npm run preview-comment\` or name a folder of .md files`
    )
    return 2
  }
  const sources = readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
  if (sources.length === 0) {
    console.error(`preview-html: no .md files in ${dir}`)
    return 2
  }

  const require = createRequire(import.meta.url)
  const css = readFileSync(
    require.resolve('github-markdown-css/github-markdown-light.css'),
    'utf8'
  )
  const marked = new Marked({ gfm: true, breaks: true }, markedAlert())
  const starryNight = await createStarryNight(common)
  const pages = []
  for (const source of sources) {
    const name = basename(source, '.md')
    const markdown = readFileSync(join(dir, source), 'utf8')
    const body = renderMarkdown(markdown, marked, starryNight)
    const html = join(dir, `${name}.html`)
    writeFileSync(html, renderPage(name, body, css))
    console.log(`preview-html: wrote ${html}`)
    pages.push(html)
  }

  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  if (!existsSync(chromium)) {
    console.log(
      `preview-html: screenshots skipped, no Chromium at ${chromium} (apt-get install chromium fonts-noto-color-emoji, or set CHROMIUM_PATH)`
    )
    return 0
  }
  await takeScreenshots(chromium, pages, args.values.expanded === true)
  return 0
}

process.exitCode = await main()
