/** Types of ./published-manifest.mjs (used by the build and by test/pack). */
export declare const PUBLISH_CONFIG_FIELDS: readonly string[];
export declare function publishedManifest(pkg: Record<string, unknown>): Record<string, unknown>;
export declare function exportTargets(manifest: Record<string, unknown>): string[];
