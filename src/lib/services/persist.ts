let asked = false;

/**
 * Asks the browser to keep this site's storage (no eviction under pressure), once per page
 * load, after the first rating: asking before the person has anything to lose is noise, and
 * some browsers grant it only after engagement.
 */
export async function askPersistentStorage(): Promise<boolean> {
	if (asked || typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
	asked = true;
	try {
		return (await navigator.storage.persisted()) || (await navigator.storage.persist());
	} catch {
		return false;
	}
}
