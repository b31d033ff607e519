// What a person reads when sync fails, one line per SyncError kind (src/lib/sync/errors.ts).
import type { SyncErrorKind } from '$lib/sync/errors';

export const syncErrorsEn: Record<SyncErrorKind, string> = {
	unauthorized: 'Wrong user name or password — or the session ended. Sign in again.',
	forbidden: 'The server does not let this user use their database.',
	unreachable: 'Offline or the server is down — your progress is kept here and syncs later.',
	cors: 'Server refused: CORS not enabled for this site.',
	'not-couch': 'That address is not a CouchDB server.',
	'no-database': 'Your database is missing on the server: ask its admin to turn on couch_peruser.',
	server: 'The server had an error — your progress is kept here; try again later.',
	conflict: 'Settings changed on another device at the same moment; try again.',
	csp: 'This copy of Tabledeck may not connect to that server: whoever hosts it must build it with SYNC_ORIGIN set to the server’s address (README “Sync”).'
};

export const syncErrorsKo: typeof syncErrorsEn = {
	unauthorized: '사용자 이름이나 비밀번호가 틀렸거나 세션이 끝났습니다. 다시 로그인하세요.',
	forbidden: '서버가 이 사용자에게 데이터베이스 사용을 허락하지 않습니다.',
	unreachable: '오프라인이거나 서버가 꺼져 있습니다. 진행 상황은 여기에 보관되고 나중에 동기화됩니다.',
	cors: '서버가 거부했습니다: 이 사이트에 대해 CORS가 켜져 있지 않습니다.',
	'not-couch': '이 주소는 CouchDB 서버가 아닙니다.',
	'no-database': '서버에 내 데이터베이스가 없습니다. 관리자에게 couch_peruser를 켜 달라고 하세요.',
	server: '서버에 오류가 났습니다. 진행 상황은 여기에 보관됩니다. 나중에 다시 시도하세요.',
	conflict: '다른 기기에서 같은 순간에 설정이 바뀌었습니다. 다시 시도하세요.',
	csp: '이 Tabledeck은 그 서버에 연결할 수 없습니다. 호스팅하는 사람이 SYNC_ORIGIN을 서버 주소로 정해 빌드해야 합니다(README “Sync”).'
};

export const syncEn = {
	title: 'Sync',
	intro:
		'Keep your progress the same on your phone and your computer through your own CouchDB server. Off, everything stays in this browser. Only ratings, quiz results and settings are sent — never your notes.',
	server: 'Server address',
	serverHelp: 'e.g. https://couch.example.com',
	user: 'User name',
	password: 'Password',
	passwordHelp: 'Sent to your server to sign in; Tabledeck does not store it.',
	signIn: 'Sign in and sync',
	syncNow: 'Sync now',
	enabled: 'Sync automatically',
	signOut: 'Sign out',
	signedInAs: (user: string, server: string) => `Signed in as ${user} at ${server}.`,
	off: 'Sync is off. Your progress stays in this browser.',
	syncing: 'Syncing…',
	synced: (ago: string) => `Synced ${ago}.`,
	never: 'Not synced yet.',
	waiting: (ratings: number, others: number) =>
		ratings + others === 0
			? ''
			: others === 0
				? `${ratings} ${ratings === 1 ? 'rating' : 'ratings'} waiting`
				: ratings === 0
					? `${others} ${others === 1 ? 'change' : 'changes'} waiting`
					: `${ratings} ${ratings === 1 ? 'rating' : 'ratings'} and ${others} other ${others === 1 ? 'change' : 'changes'} waiting`,
	offline: 'Offline',
	invalidServer: 'Enter the server’s address, starting with https:// (or http:// for one on this computer).',
	missing: 'Enter the user name and the password.',
	failed: (detail: string) => `Sync failed: ${detail}`,
	errors: syncErrorsEn
};

export const syncKo: typeof syncEn = {
	title: '동기화',
	intro:
		'내 CouchDB 서버를 통해 휴대폰과 컴퓨터의 진행 상황을 똑같이 유지합니다. 끄면 모든 것이 이 브라우저에만 남습니다. 평가, 퀴즈 결과, 설정만 보내고 노트는 보내지 않습니다.',
	server: '서버 주소',
	serverHelp: '예: https://couch.example.com',
	user: '사용자 이름',
	password: '비밀번호',
	passwordHelp: '로그인하려고 서버로만 보냅니다. Tabledeck은 저장하지 않습니다.',
	signIn: '로그인하고 동기화',
	syncNow: '지금 동기화',
	enabled: '자동 동기화',
	signOut: '로그아웃',
	signedInAs: (user: string, server: string) => `${server}에 ${user}(으)로 로그인했습니다.`,
	off: '동기화가 꺼져 있습니다. 진행 상황은 이 브라우저에만 있습니다.',
	syncing: '동기화하는 중…',
	synced: (ago: string) => `${ago} 동기화했습니다.`,
	never: '아직 동기화하지 않았습니다.',
	waiting: (ratings: number, others: number) =>
		ratings + others === 0
			? ''
			: others === 0
				? `평가 ${ratings}개 대기 중`
				: ratings === 0
					? `변경 ${others}개 대기 중`
					: `평가 ${ratings}개와 다른 변경 ${others}개 대기 중`,
	offline: '오프라인',
	invalidServer: '서버 주소를 https://로 시작해 입력하세요(이 컴퓨터의 서버라면 http://).',
	missing: '사용자 이름과 비밀번호를 입력하세요.',
	failed: (detail: string) => `동기화 실패: ${detail}`,
	errors: syncErrorsKo
};

export const SYNC_STRINGS = { en: syncEn, ko: syncKo };
