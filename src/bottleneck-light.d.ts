/** `bottleneck/light.js` (what plugin-throttling itself loads) has the full build's API minus clustering. */
// eslint-disable-next-line no-restricted-syntax -- the package ships types only for its full build
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
