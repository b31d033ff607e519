import type { Locale } from './strings';
// Strings of "Add notes" (settings) and of the deck tree's mark for notes added on this device.
const notesImportEn = {
	title: 'Add notes',
	intro: 'Make decks from your own markdown notes: every table becomes cards. Nothing is saved until you press Add.',
	choose: 'Choose .md files',
	paste: 'Or paste markdown',
	pasteLabel: 'Markdown',
	nameLabel: 'File name',
	nameHelp: 'Use the same name to update this note later.',
	previewPaste: 'Preview',
	reading: 'Reading the notes…',
	previewOf: (file: string) => `Preview of ${file}`,
	decks: 'Decks',
	cards: (n: number) => (n === 1 ? '1 card' : `${n} cards`),
	table: (deck: string, line: number, n: number) => `${deck} (line ${line}): ${n === 1 ? '1 card' : `${n} cards`}`,
	more: (n: number) => `…and ${n} more`,
	moreTables: (n: number) => (n === 1 ? '…and 1 more table' : `…and ${n} more tables`),
	warnings: 'Warnings',
	problems: 'Problems to fix in the note',
	reimport: 'This note is already here: adding it again updates it. Cards that stay keep their progress.',
	changes: (added: number, changed: number, removed: number) => `${added} new, ${changed} changed, ${removed} removed cards.`,
	newCards: 'New',
	changedCards: 'Changed',
	removedCards: 'Removed (their progress is kept, hidden)',
	add: 'Add',
	adding: 'Adding…',
	added: (n: number) =>
		n === 1 ? 'Added 1 note. Its decks are on the home screen.' : `Added ${n} notes. Their decks are on the home screen.`,
	blocked: 'Nothing can be added until the notes above are fixed.',
	failed: (message: string) => `The notes could not be added: ${message}`,
	refusal: {
		'too-big': (mb: number) => `This file is larger than ${mb} MB, the most a note can be.`,
		'not-utf8': 'This file is not UTF-8 text. Save it as UTF-8, the usual encoding of markdown, and try again.',
		'no-tables': 'This note has no tables. Tabledeck makes cards from markdown tables.',
		'no-cards': 'No table in this note makes a card; the warnings say why.',
		duplicate: 'Another file chosen has the same name; add them one at a time.'
	},
	clashBundled: (file: string) =>
		`Its decks would have the same ids as the built-in note ${file}, because deck ids come from the file name. Rename the file and add it again.`,
	clashDevice: (file: string) =>
		`Its decks would have the same ids as the decks of ${file}, added earlier. Rename the file and add it again.`,
	onDevice: 'Notes added on this device',
	noneOnDevice: 'None yet.',
	remove: 'Remove',
	removeNote: (file: string) => `Remove ${file}`,
	removed: (file: string) => `Removed ${file}. Its progress is kept, hidden, in case you add it again.`
};

export type NotesImportStrings = typeof notesImportEn;

const notesImportKo: NotesImportStrings = {
	title: '노트 추가',
	intro: '내 마크다운 노트로 덱을 만듭니다. 표마다 카드가 됩니다. 추가를 누르기 전에는 아무것도 저장하지 않습니다.',
	choose: '.md 파일 선택',
	paste: '또는 마크다운 붙여넣기',
	pasteLabel: '마크다운',
	nameLabel: '파일 이름',
	nameHelp: '나중에 이 노트를 고치려면 같은 이름을 쓰세요.',
	previewPaste: '미리 보기',
	reading: '노트를 읽는 중…',
	previewOf: (file: string) => `${file} 미리 보기`,
	decks: '덱',
	cards: (n: number) => `카드 ${n}장`,
	table: (deck: string, line: number, n: number) => `${deck} (${line}번째 줄): 카드 ${n}장`,
	more: (n: number) => `…외 ${n}장`,
	moreTables: (n: number) => `…외 표 ${n}개`,
	warnings: '경고',
	problems: '노트에서 고칠 문제',
	reimport: '이미 있는 노트입니다. 다시 추가하면 갱신됩니다. 남는 카드는 진행 상황을 유지합니다.',
	changes: (added: number, changed: number, removed: number) => `새 카드 ${added}장, 바뀐 카드 ${changed}장, 빠진 카드 ${removed}장.`,
	newCards: '새 카드',
	changedCards: '바뀐 카드',
	removedCards: '빠진 카드(진행 상황은 숨겨서 보관)',
	add: '추가',
	adding: '추가하는 중…',
	added: (n: number) => `노트 ${n}개를 추가했습니다. 덱은 홈 화면에 있습니다.`,
	blocked: '위 노트를 고치기 전에는 추가할 수 없습니다.',
	failed: (message: string) => `노트를 추가하지 못했습니다: ${message}`,
	refusal: {
		'too-big': (mb: number) => `이 파일은 노트 크기 한도인 ${mb} MB보다 큽니다.`,
		'not-utf8': '이 파일은 UTF-8 텍스트가 아닙니다. 마크다운의 일반적인 인코딩인 UTF-8로 저장한 뒤 다시 시도하세요.',
		'no-tables': '이 노트에는 표가 없습니다. Tabledeck은 마크다운 표로 카드를 만듭니다.',
		'no-cards': '이 노트의 어떤 표도 카드를 만들지 않습니다. 경고에 이유가 있습니다.',
		duplicate: '같은 이름의 파일을 함께 골랐습니다. 하나씩 추가하세요.'
	},
	clashBundled: (file: string) =>
		`덱 ID가 파일 이름에서 나오므로, 이 노트의 덱은 기본 노트 ${file}의 덱과 ID가 같아집니다. 파일 이름을 바꿔 다시 추가하세요.`,
	clashDevice: (file: string) => `이 노트의 덱은 먼저 추가한 ${file}의 덱과 ID가 같아집니다. 파일 이름을 바꿔 다시 추가하세요.`,
	onDevice: '이 기기에서 추가한 노트',
	noneOnDevice: '아직 없습니다.',
	remove: '삭제',
	removeNote: (file: string) => `${file} 삭제`,
	removed: (file: string) => `${file}을(를) 삭제했습니다. 다시 추가할 때를 위해 진행 상황은 숨겨서 보관합니다.`
};

export const NOTES_IMPORT_STRINGS: Record<Locale, NotesImportStrings> = { en: notesImportEn, ko: notesImportKo };
