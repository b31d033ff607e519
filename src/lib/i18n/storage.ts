// Strings of Settings' storage and offline lines: a module of its own, which only Settings loads.
/** Settings' storage and offline lines (components/StorageInfo.svelte), which only Settings loads. */
export const storageEn = {
	offlineReady: 'Tabledeck now works offline.',
	notOfflineYet: 'Offline use is not ready yet: open Tabledeck once more while online.',
	usageUnknown: 'This browser does not say how much space is used.',
	keepStorage: 'Keep my progress',
	persistRefused: 'The browser declined; it may agree once Tabledeck is installed or used more.'
};

export const storageKo: typeof storageEn = {
	offlineReady: '이제 오프라인에서도 Tabledeck을 쓸 수 있습니다.',
	notOfflineYet: '아직 오프라인에서 쓸 준비가 되지 않았습니다: 온라인 상태에서 Tabledeck을 한 번 더 여세요.',
	usageUnknown: '이 브라우저는 사용 중인 공간을 알려 주지 않습니다.',
	keepStorage: '진행 상황 보존하기',
	persistRefused: '브라우저가 거절했습니다. Tabledeck을 설치하거나 더 자주 쓰면 허용될 수 있습니다.'
};
