// Images at the size shown: the URL each picture() slot asks for, run in node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sizedImageUrl } from '../../web/src/image-size.js';

const IMDB = 'https://m.media-amazon.com/images/M/MV5BMjAxMzY3NjcxNF5BMl5BanBnXkFtZTcwNTI5OTM0Mw';

test('IMDb originals are asked from the image service at twice the slot width', () => {
  assert.equal(sizedImageUrl(`${IMDB}._V1_.jpg`, 'poster'), `${IMDB}._V1_QL75_UX128_.jpg`);
  assert.equal(sizedImageUrl(`${IMDB}.jpg`, 'thumb'), `${IMDB}._V1_QL75_UX56_.jpg`);
  // An already sized URL (a thumbnail) is resized to the slot, not stacked.
  assert.equal(sizedImageUrl(`${IMDB}._V1_QL75_UX380_.jpg`, 'big'), `${IMDB}._V1_QL75_UX600_.jpg`);
  assert.equal(sizedImageUrl(`${IMDB}._V1_.png`, 'face'), `${IMDB}._V1_QL75_UX88_.png`);
});

test('TMDB paths take the smallest size TMDB offers that covers the slot', () => {
  const t = (size, file) => `https://image.tmdb.org/t/p/${size}/${file}`;
  assert.equal(sizedImageUrl(t('original', 'a.jpg'), 'poster'), t('w154', 'a.jpg'));
  assert.equal(sizedImageUrl(t('w500', 'a.jpg'), 'big'), t('w780', 'a.jpg'));
  assert.equal(sizedImageUrl(t('w500', 'a.jpg'), 'thumb'), t('w92', 'a.jpg'));
  assert.equal(sizedImageUrl(t('w185', 'p.jpg'), 'face'), t('w185', 'p.jpg'));
  assert.equal(sizedImageUrl(t('w300', 's.jpg'), 'still'), t('w300', 's.jpg'));
  assert.equal(sizedImageUrl(t('original', 'l.png'), 'logo'), t('w185', 'l.png'));
});

test('anything else is left as it is', () => {
  for (const url of [null, undefined, '', 'https://example.org/a.jpg', 'javascript:alert(1)',
    'https://m.media-amazon.com/images/S/other/a.jpg', 'https://image.tmdb.org/t/p/w92/a/b.jpg']) {
    assert.equal(sizedImageUrl(url, 'poster'), url);
  }
  assert.equal(sizedImageUrl(`${IMDB}._V1_.jpg`, 'unknown'), `${IMDB}._V1_.jpg`);
});
