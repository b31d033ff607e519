/** What ObjectStream (json-stream.ts) refuses, and the limits it refuses by. */
export class JsonSyntaxError extends Error {
	override name = 'JsonSyntaxError';
}

/** Well-formed so far, but deeper or bigger than the limits allow. */
export class JsonLimitError extends Error {
	override name = 'JsonLimitError';
}

export interface JsonLimits {
	/** The top-level object is depth 1. */
	maxDepth: number;
	maxValueChars: number;
}

export const NO_LIMITS: JsonLimits = { maxDepth: Infinity, maxValueChars: Infinity };
