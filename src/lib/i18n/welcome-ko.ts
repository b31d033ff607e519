import type { WelcomeStrings } from './welcome';

const ko: WelcomeStrings = {
	label: '환영합니다',
	what: 'Tabledeck은 노트의 표를 플래시카드와 퀴즈로 만들고, 오프라인에서도 동작합니다.',
	review: '복습: 질문을 읽고 정답 보기를 누른 뒤, 얼마나 알았는지 다시·어려움·알맞음·쉬움 중에서 고르세요.',
	installPrompt: '설치하면 홈 화면에서 바로 열 수 있습니다:',
	install: '설치',
	installIos: '설치하려면 공유 버튼을 누르고 홈 화면에 추가를 고르세요.',
	installMenu: '설치하려면 브라우저 메뉴에서 앱 설치 또는 홈 화면에 추가를 고르세요.',
	dismiss: '확인'
};

export default ko;
