/** Bounds on untrusted input, so a hostile or broken message gives a clear error instead of a hang. */
export const LIMITS = {
  /** Largest XML document accepted (characters). A real Entra response is 5–15 KB. */
  maxXmlChars: 4 * 1024 * 1024,
  /** Largest base64 parameter accepted (characters). */
  maxBase64Chars: 6 * 1024 * 1024,
  /** Largest inflated Redirect-binding message (bytes); deflate bombs stop here. */
  maxInflatedBytes: 1024 * 1024,
  /** Deepest element nesting accepted. */
  maxDepth: 64,
} as const;
