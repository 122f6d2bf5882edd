/** Types of scripts/web-sources.mjs (plain JavaScript so that `npm start` runs it before any build). */
export declare const WEB_SOURCES: readonly string[];
export declare const STAMP: string;
export declare function webSourcesDigest(root: string): string;
export declare function webBuildIsCurrent(root: string): boolean;
