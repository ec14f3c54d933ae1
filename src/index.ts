import { main } from './action/main.js'

// Action entry: everything, including error handling, is in action/main.ts.
await main()
