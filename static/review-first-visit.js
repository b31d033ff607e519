// A first visit to /review (issue #20; README "Decisions") asks here for the deck files its first
// card comes from, beside the app's scripts instead of after them; the app takes these responses
// (src/lib/services/deck-files.ts) and checks them as any. Only review.html loads this file (see
// src/hooks.server.ts), after boot.js, so it runs before the app; the same conditions as
// services/deck-prefetch.ts: review over every deck, IndexedDB there and never opened by this
// browser (the key services/first-visit.ts sets). The first note's file holds the first card.
(function () {
	try {
		var script = document.currentScript;
		var base = script ? new URL('.', script.src).pathname.replace(/\/$/, '') : '';
		if (new URLSearchParams(location.search).has('deck')) return;
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
		/* the app fetches them itself */
	}
})();
