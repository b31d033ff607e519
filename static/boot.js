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

// A first visit to the review page (issue #20) shows its first card from the deck files while the
// database opens: they are asked for here, beside the app's scripts instead of after them. The
// app takes these responses (src/lib/services/deck-files.ts) and checks them as any; the same
// conditions as services/deck-prefetch.ts: that page over every deck, IndexedDB there and never
// opened by this browser (the key first-visit.ts sets). The first note's file is the first card's.
(function () {
	try {
		var script = document.currentScript;
		var base = script ? new URL('.', script.src).pathname.replace(/\/$/, '') : '';
		if (location.pathname !== base + '/review' || new URLSearchParams(location.search).has('deck')) return;
		if (!window.indexedDB || localStorage.getItem('tabledeck' + base + '.databaseOpened') === '1') return;
		var files = (window.__tabledeckDeckFiles = {});
		var get = function (path) {
			var pending = fetch(base + '/decks/' + path).then(function (response) {
				if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
				return response.json();
			});
			// A failure is the app's to report, when it takes the file.
			pending.catch(function () {});
			return (files[path] = pending);
		};
		get('index.json').then(function (index) {
			var first = index && index.notes && index.notes[0];
			if (first && typeof first.json === 'string') get(first.json);
		});
	} catch (_error) {
		/* storage blocked: the app decides */
	}
})();
