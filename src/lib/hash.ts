/**
 * FNV-1a (32 bits) of a string's UTF-16 units, as an unsigned number: the one hash of the app
 * (the log's and the deck totals' shards, quiz seeds from text, the backup check's id table).
 * Stored data depends on it (db/log-page.ts shardOf): it never changes.
 */
export function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
	return hash >>> 0;
}
