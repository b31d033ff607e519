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
		// The page's prerendered first card shows (see src/routes/review/+page.svelte), and asking
		// for its answer before the app runs is kept for the app (services/deck-prefetch.ts).
		document.documentElement.setAttribute('data-first-visit', '');
		var reveal = (window.__tabledeckEarlyReveal = { asked: false, taken: false });
		var ask = function () {
			if (!reveal.taken) reveal.asked = true;
		};
		document.addEventListener(
			'click',
			function (event) {
				var target = event.target;
				if (target && target.closest && target.closest('[data-early-reveal]') && !target.closest('a')) ask();
			},
			true
		);
		document.addEventListener(
			'keydown',
			function (event) {
				if (reveal.taken || event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
				if (event.key !== ' ' && event.key !== 'Enter') return;
				var target = event.target;
				if (target && target.closest && target.closest('input, textarea, select, a, summary')) return;
				if (event.key === ' ' && !(target && target.closest && target.closest('button'))) event.preventDefault();
				ask();
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
