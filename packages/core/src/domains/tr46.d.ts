/** Types for the parts of tr46 6.0.0 (CommonJS, ships no types) that idna-uts46.ts uses. */
declare module 'tr46' {
  interface ToAsciiOptions {
    checkBidi?: boolean;
    checkHyphens?: boolean;
    checkJoiners?: boolean;
    useSTD3ASCIIRules?: boolean;
    processingOption?: 'nontransitional' | 'transitional';
    verifyDNSLength?: boolean;
    ignoreInvalidPunycode?: boolean;
  }
  const tr46: {
    toASCII(domain: string, options?: ToAsciiOptions): string | null;
    toUnicode(domain: string, options?: ToAsciiOptions): { domain: string; error: boolean };
  };
  export default tr46;
}
