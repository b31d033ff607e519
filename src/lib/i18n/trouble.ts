/**
 * What the app says when the browser misbehaves: a database that does not open (or is busy
 * upgrading), one another tab upgraded, ratings that were not saved, a card a deck update took
 * away. A file of its own (TROUBLE_STRINGS, through `preferences.pick`), so a first visit's home does not load it.
 */
import type { Locale } from './strings';

const en = {
	storageUnavailable:
		'Tabledeck cannot save progress in this browser: storage (IndexedDB) is unavailable. Private browsing or full storage can cause this. Nothing you do here will be kept.',
	decksError: (message: string) => `The decks could not be loaded: ${message}`,
	slowOpen:
		'Tabledeck is still opening its database. Another Tabledeck tab may be holding it (one being updated, for example), or the browser’s storage is stuck: close the other Tabledeck tabs, or reload this one. Your progress stays in the database; once it opens, Settings can export a backup.',
	upgrading:
		'Tabledeck is upgrading your data: your progress is being moved to a faster format. This happens once, and with a long history it can take a minute or two. Keep this tab open and do not reload it — a reload starts the upgrade over.',
	replaced: 'Tabledeck was updated in another tab — reload this tab to go on. Everything saved so far is kept.',
	reload: 'Reload',
	notSavedReload: (n: number) =>
		`${n} ${n === 1 ? 'rating was' : 'ratings were'} not saved: after reloading, rate ${n === 1 ? 'that card' : 'those cards'} again.`,
	notSaved: (n: number) =>
		`${n} ${n === 1 ? 'rating was' : 'ratings were'} not saved; ${n === 1 ? 'its card comes' : 'their cards come'} back to be rated again.`,
	removed: (front: string) => `“${front}” was removed from your notes — skipped.`,
	blocked:
		'Another Tabledeck tab is holding an older version of the database open. Close the other Tabledeck tabs, then reload this one; nothing is lost.'
};

const ko: typeof en = {
	storageUnavailable:
		'이 브라우저에서는 진행 상황을 저장할 수 없습니다: 저장소(IndexedDB)를 사용할 수 없습니다. 시크릿 모드이거나 저장 공간이 가득 찼을 수 있습니다. 여기서 한 학습은 저장되지 않습니다.',
	decksError: (message: string) => `덱을 불러오지 못했습니다: ${message}`,
	slowOpen:
		'Tabledeck이 아직 데이터베이스를 여는 중입니다. 다른 Tabledeck 탭이 데이터베이스를 붙잡고 있거나(예: 업데이트 중인 탭) 브라우저 저장소가 멈췄을 수 있습니다. 다른 Tabledeck 탭을 닫거나 이 탭을 새로 고치세요. 진행 상황은 데이터베이스에 그대로 있으며, 열리면 설정에서 백업을 내보낼 수 있습니다.',
	upgrading:
		'Tabledeck이 데이터를 업그레이드하는 중입니다: 진행 상황을 더 빠른 형식으로 옮기고 있습니다. 한 번만 하는 작업이며, 학습 기록이 많으면 1~2분 걸릴 수 있습니다. 이 탭을 열어 두고 새로 고치지 마세요 — 새로 고치면 업그레이드가 처음부터 다시 시작됩니다.',
	replaced: '다른 탭에서 Tabledeck이 업데이트되었습니다 — 이 탭을 새로 고쳐 계속하세요. 지금까지 저장된 내용은 그대로 있습니다.',
	reload: '새로 고침',
	notSavedReload: (n: number) => `평가 ${n}개가 저장되지 않았습니다. 새로 고친 뒤 해당 카드를 다시 평가하세요.`,
	notSaved: (n: number) => `평가 ${n}개가 저장되지 않아 해당 카드를 다시 평가하게 됩니다.`,
	removed: (front: string) => `“${front}” 카드는 노트에서 삭제되어 건너뛰었습니다.`,
	blocked:
		'다른 Tabledeck 탭이 이전 버전의 데이터베이스를 열어 두고 있습니다. 다른 Tabledeck 탭을 닫은 뒤 이 탭을 새로 고치세요. 잃는 것은 없습니다.'
};

export const TROUBLE_STRINGS: Record<Locale, typeof en> = { en, ko };
