// Applies the saved theme and language before the first paint. A file, not an inline
// script, so the Content-Security-Policy can forbid inline scripts.
(function () {
	try {
		var theme = localStorage.getItem('tabledeck.theme');
		if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
		var locale = localStorage.getItem('tabledeck.locale');
		if (locale !== 'en' && locale !== 'ko') {
			var langs = navigator.languages || [navigator.language];
			locale = langs.some(function (l) {
				return /^ko/i.test(l);
			})
				? 'ko'
				: 'en';
		}
		document.documentElement.lang = locale;
	} catch (_error) {
		/* storage blocked: keep the defaults */
	}
})();
