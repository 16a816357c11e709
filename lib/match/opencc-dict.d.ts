/**
 * opencc-js ships its dictionaries as ES modules without type declarations
 * (its `./*` export has no `types`), so declare the ones the fold table reads.
 * Each default export is `"src dst|src dst|…"`.
 */
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/TWVariantsRev' {
  const dict: string;
  export default dict;
}
declare module 'opencc-js/dict/HKVariantsRev' {
  const dict: string;
  export default dict;
}
