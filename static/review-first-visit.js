// A first visit to /review (issue #20; README "Decisions") shows the first card prerendered in the
// page, and asks here for the deck files, beside the app's scripts instead of after them; the app takes these responses
// (src/lib/services/deck-files.ts) and checks them as any. Only review.html loads this file (see
// src/hooks.server.ts), after boot.js, so it runs before the app; the same conditions as
// services/deck-prefetch.ts: review over every deck, IndexedDB there and never opened by this
// browser (the key services/first-visit.ts sets). The first note's file holds the first card.
//
// The page's script preloads come before this file as rel="tabledeck-after-paint" (see
// src/lib/server/head-order.ts): on a first visit they are asked for once the card is painted,
// so the paint shares the link with nothing; on any other visit at once.
(function () {
	var first = false;
	try {
		var script = document.currentScript;
		var base = script ? new URL('.', script.src).pathname.replace(/\/$/, '') : '';
		if (new URLSearchParams(location.search).has('deck')) return;
		if (!window.indexedDB || localStorage.getItem('tabledeck' + base + '.databaseOpened') === '1') return;
		first = true;
		// The page's prerendered first card shows (see src/routes/review/+page.svelte). What is asked
		// of it before the app runs is kept for the app (services/deck-prefetch.ts takeEarlyInput):
		// its answer (a tap on the card or Show answer, Space or Enter; more of them are still one),
		// then one rating key 1-4, as the app's keys would do on a card it shows.
		document.documentElement.setAttribute('data-first-visit', '');
		var input = (window.__tabledeckEarlyInput = { reveal: false, rating: 0, taken: false });
		document.addEventListener(
			'click',
			function (event) {
				var target = event.target;
				if (input.taken || !(target && target.closest)) return;
				if (target.closest('[data-early-reveal]') && !target.closest('a')) input.reveal = true;
			},
			true
		);
		document.addEventListener(
			'keydown',
			function (event) {
				var target = event.target;
				if (input.taken || event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
				if (target && target.closest && target.closest('input, textarea, select, a, summary')) return;
				if (event.key === ' ' || event.key === 'Enter') {
					if (event.key === ' ' && !(target && target.closest && target.closest('button'))) event.preventDefault();
					input.reveal = true;
				} else if (input.reveal && !input.rating && /^[1-4]$/.test(event.key)) input.rating = Number(event.key);
			},
			true
		);
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
	} finally {
		var preload = function () {
			var links = document.querySelectorAll('link[rel="tabledeck-after-paint"]');
			for (var i = 0; i < links.length; i++) links[i].rel = 'modulepreload';
		};
		if (first) {
			requestAnimationFrame(function () {
				setTimeout(preload);
			});
		} else preload();
	}
})();
