// Strings of installing, updating and working offline.
export const pwaEn = {
	ready: 'A new version of Tabledeck is ready.',
	reload: 'Reload',
	later: 'Later'
};

export const pwaKo: typeof pwaEn = {
	ready: 'Tabledeck 새 버전이 준비되었습니다.',
	reload: '새로 고침',
	later: '나중에'
};
