/**
 * Anki's text importer (Anki 26.08: rslib/src/import_export/text/csv, text/import.rs and
 * decks/name.rs), for tests: only the rules a Tabledeck export meets, written from reading
 * that code. Header lines (`#key:value`) come first; after them a record that starts with `#`
 * is a comment; with `#columns:` names, columns go to the note type's fields by name, without
 * them by position; a deck column that parses as a whole number is a deck id; decks are looked
 * up by the name as written and, when missing, created under the normalised name.
 */

export interface Notetype {
	name: string;
	fields: string[];
}

/** The Basic note type in Anki's English, German, Japanese and Chinese. */
export const BASIC_NOTETYPES: readonly Notetype[] = [
	{ name: 'Basic', fields: ['Front', 'Back'] },
	{ name: 'Einfach', fields: ['Vorderseite', 'Rückseite'] },
	{ name: '基本', fields: ['表面', '裏面'] },
	{ name: '基础', fields: ['正面', '背面'] }
];

export interface AnkiNote {
	guid: string;
	fields: string[];
	deck: string;
}

export interface Collection {
	notes: AnkiNote[];
	/** Decks the imports created, by their stored (human) names. */
	decks: string[];
	/** Records Anki dropped for want of a deck. */
	dropped: string[][];
}

const DEFAULT_DECK_ID = 1n;

/** decks/name.rs normalized_deck_name_component. */
function storedComponent(component: string): string {
	// eslint-disable-next-line no-control-regex
	const text = component.normalize('NFC').replace(/[\u0000-\u001f\u007f"]/g, '');
	return text.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '') || 'blank';
}

/** NativeDeckName::from_human_name(name).human_name(). */
export function storedName(name: string): string {
	return name.split('::').map(storedComponent).join('::');
}

/** Rust's `i64::from_str`: an optional sign and digits, in range. */
function deckId(text: string): bigint | undefined {
	if (!/^[+-]?\d+$/.test(text)) return undefined;
	const id = BigInt(text);
	return id >= -(2n ** 63n) && id < 2n ** 63n ? id : undefined;
}

/** One tab-separated record, quotes as the csv crate reads them. */
function record(line: string): string[] {
	const fields: string[] = [];
	let i = 0;
	for (;;) {
		let field = '';
		if (line[i] === '"') {
			i++;
			for (;;) {
				const quote = line.indexOf('"', i);
				field += line.slice(i, quote);
				i = quote + 1;
				if (line[i] !== '"') break;
				field += '"';
				i++;
			}
		} else {
			const tab = line.indexOf('\t', i);
			field = line.slice(i, tab < 0 ? line.length : tab);
			i = tab < 0 ? line.length : tab;
		}
		fields.push(field);
		if (line[i] !== '\t') return fields;
		i++;
	}
}

export function importText(text: string, notetype: Notetype = BASIC_NOTETYPES[0], before?: Collection): Collection {
	const collection: Collection = structuredClone(before) ?? { notes: [], decks: [], dropped: [] };
	const lines = text.split('\n');
	const meta = new Map<string, string>();
	let at = 0;
	for (; at < lines.length && lines[at].startsWith('#'); at++) {
		const colon = lines[at].indexOf(':');
		if (colon > 0) meta.set(lines[at].slice(1, colon).trim().toLowerCase(), lines[at].slice(colon + 1));
	}
	const deckColumn = Number(meta.get('deck column') ?? 0);
	const tagsColumn = Number(meta.get('tags column') ?? 0);
	const guidColumn = Number(meta.get('guid column') ?? 0);
	const metaColumns = new Set([deckColumn, tagsColumn].filter((column) => column > 0));
	const records = lines
		.slice(at)
		.filter((line) => line !== '' && !line.startsWith('#'))
		.map(record);
	const width = records[0]?.length ?? 0;

	// metadata.rs maybe_init_notetype_map: 1-based columns per field, 0 for none.
	const fieldColumns: number[] = notetype.fields.map((_, i) => (i === 0 ? 1 : 0));
	const labels = meta.has('columns') ? record(meta.get('columns')!) : [];
	if (labels.every((label) => label === '')) {
		let field = 0;
		for (let column = 1; column <= width && field < fieldColumns.length; column++) {
			if (!metaColumns.has(column)) fieldColumns[field++] = column;
		}
	} else {
		const byName = new Map(labels.map((label, i) => [label, i + 1] as const).filter(([, column]) => !metaColumns.has(column)));
		notetype.fields.forEach((name, i) => {
			const column = byName.get(name);
			if (column) fieldColumns[i] = column;
		});
	}

	// text/import.rs DeckIdsByNameOrId: names compared without case.
	const names = new Map(collection.decks.map((name) => [name.toLowerCase(), name]));
	for (const fields of records) {
		const values = fieldColumns.map((column) => (column > 0 ? (fields[column - 1] ?? '') : ''));
		if (values[0] === '') continue;
		const raw = fields[deckColumn - 1] ?? '';
		const id = deckId(raw);
		let deck = id === undefined ? names.get(raw.toLowerCase()) : id === DEFAULT_DECK_ID ? 'Default' : names.get(String(id));
		if (deck === undefined && id !== undefined) {
			collection.dropped.push(fields);
			continue;
		}
		if (deck === undefined) {
			// A new deck, under the normalised name, made unique with '+' (ensure_deck_name_unique).
			deck = storedName(raw);
			while (collection.decks.includes(deck)) deck += '+';
			collection.decks.push(deck);
			names.set(deck.toLowerCase(), deck);
		}
		const guid = fields[guidColumn - 1] ?? '';
		const existing = guid ? collection.notes.find((note) => note.guid === guid) : undefined;
		if (existing) existing.fields = values;
		else collection.notes.push({ guid, fields: values, deck });
	}
	return collection;
}
