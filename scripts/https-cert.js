// A certificate for `npm start -- --host --https`, made by selfsigned and kept in
// .cache/https/ so a phone told to trust it once keeps trusting it. Made again when this
// machine's addresses change (a certificate names the addresses it is valid for) or it expires.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

const DIR = '.cache/https';
const DAYS = 365; // Apple's devices refuse server certificates valid for more than 398 days.

/**
 * The key and certificate (PEM) for localhost and `addresses`.
 * @param {string[]} addresses
 * @param {number} [now]
 * @returns {Promise<{ key: string, cert: string }>}
 */
export async function certificate(addresses, now = Date.now()) {
	const names = ['localhost', '127.0.0.1', ...addresses].join(',');
	const saved = join(DIR, 'certificate.json');
	if (existsSync(saved)) {
		const kept = JSON.parse(readFileSync(saved, 'utf8'));
		// A week's margin, so a session never outlives its certificate.
		if (kept.names === names && kept.expires > now + 7 * 86_400_000) return kept;
	}
	const expires = now + DAYS * 86_400_000;
	const pems = await generate([{ name: 'commonName', value: 'Tabledeck on this computer' }], {
		keyType: 'ec',
		curve: 'P-256',
		notBeforeDate: new Date(now - 86_400_000),
		notAfterDate: new Date(expires),
		extensions: [
			// Its own authority: the one certificate a phone installs and trusts.
			{ name: 'basicConstraints', cA: true, critical: true },
			{ name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
			{ name: 'extKeyUsage', serverAuth: true },
			{
				name: 'subjectAltName',
				altNames: names.split(',').map((name) => (/^[\d.]+$/.test(name) ? { type: 7, ip: name } : { type: 2, value: name }))
			}
		]
	});
	const kept = { names, expires, key: pems.private, cert: pems.cert };
	mkdirSync(DIR, { recursive: true });
	writeFileSync(saved, JSON.stringify(kept), { mode: 0o600 });
	// The certificate alone, to copy to a phone.
	writeFileSync(join(DIR, 'tabledeck.crt'), pems.cert);
	return kept;
}
