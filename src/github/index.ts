/** The GitHub port and its Octokit implementation. */
export * from './port.js'
export * from './octokit.js'
