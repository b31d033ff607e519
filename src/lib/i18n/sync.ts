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
	conflict: 'Settings changed on another device at the same moment; try again.'
};

export const syncErrorsKo: typeof syncErrorsEn = {
	unauthorized: '사용자 이름이나 비밀번호가 틀렸거나 세션이 끝났습니다. 다시 로그인하세요.',
	forbidden: '서버가 이 사용자에게 데이터베이스 사용을 허락하지 않습니다.',
	unreachable: '오프라인이거나 서버가 꺼져 있습니다. 진행 상황은 여기에 보관되고 나중에 동기화됩니다.',
	cors: '서버가 거부했습니다: 이 사이트에 대해 CORS가 켜져 있지 않습니다.',
	'not-couch': '이 주소는 CouchDB 서버가 아닙니다.',
	'no-database': '서버에 내 데이터베이스가 없습니다. 관리자에게 couch_peruser를 켜 달라고 하세요.',
	server: '서버에 오류가 났습니다. 진행 상황은 여기에 보관됩니다. 나중에 다시 시도하세요.',
	conflict: '다른 기기에서 같은 순간에 설정이 바뀌었습니다. 다시 시도하세요.'
};
