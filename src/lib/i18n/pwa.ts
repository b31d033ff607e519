// Strings of installing, updating and working offline.
export const pwaEn = {
	ready: 'A new version of Tabledeck is ready.',
	reload: 'Reload',
	later: 'Later',
	offlineReady: 'Tabledeck now works offline.',
	notOfflineYet: 'Offline use is not ready yet: open Tabledeck once more while online.',
	usageUnknown: 'This browser does not say how much space is used.',
	keepStorage: 'Keep my progress',
	persistRefused: 'The browser declined; it may agree once Tabledeck is installed or used more.'
};

export const pwaKo: typeof pwaEn = {
	ready: 'Tabledeck 새 버전이 준비되었습니다.',
	reload: '새로 고침',
	later: '나중에',
	offlineReady: '이제 오프라인에서도 Tabledeck을 쓸 수 있습니다.',
	notOfflineYet: '아직 오프라인에서 쓸 준비가 되지 않았습니다: 온라인 상태에서 Tabledeck을 한 번 더 여세요.',
	usageUnknown: '이 브라우저는 사용 중인 공간을 알려 주지 않습니다.',
	keepStorage: '진행 상황 보존하기',
	persistRefused: '브라우저가 거절했습니다. Tabledeck을 설치하거나 더 자주 쓰면 허용될 수 있습니다.'
};
