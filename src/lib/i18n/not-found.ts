/**
 * The error page's strings (routes/+error.svelte): loaded only when an error page shows, since
 * every first visit downloads the error page's own code.
 */
const en = { title: 'Page not found', text: 'There is no page at this address.', home: 'Back to home', error: 'Something went wrong' };

const ko: typeof en = {
	title: '페이지를 찾을 수 없습니다',
	text: '이 주소에는 페이지가 없습니다.',
	home: '홈으로',
	error: '문제가 생겼습니다'
};

export default { en, ko };
