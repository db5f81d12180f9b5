// The front end's display formats (dashboard.md "Formats"), run in node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fmt from '../../web/src/format.js';

test('K/M/B suffixes for votes and money', () => {
  assert.equal(fmt.compact(51_700), '51.7K');
  assert.equal(fmt.compact(1_300_000), '1.3M');
  assert.equal(fmt.compact(2_140_000_000), '2.1B');
  assert.equal(fmt.compact(999), '999');
  assert.equal(fmt.money(58_600_000), '$58.6M');
  assert.equal(fmt.money(63_000_000), '$63.0M');
  assert.equal(fmt.money(-4_000_000), '-$4.0M');
  assert.equal(fmt.money(null), '-');
});

test('runtimes as "Xh Ym"', () => {
  assert.equal(fmt.runtime(109), '1h 49m');
  assert.equal(fmt.runtime(35), '35m');
  assert.equal(fmt.runtime(120), '2h');
  assert.equal(fmt.runtime(0), '0m');
  assert.equal(fmt.runtime(undefined), '-');
});

test('ratings, ROI, blanks and overview cut', () => {
  assert.equal(fmt.ratingOutOf10(7.5), '7.50/10');
  assert.equal(fmt.rating(8.25), '8.3');
  assert.equal(fmt.percent(-0.07), '-7.0%');
  assert.equal(fmt.text(''), '-');
  assert.equal(fmt.list([]), '-');
  const long = 'x'.repeat(301);
  assert.equal(fmt.cut(long), `${'x'.repeat(300)}..`);
  assert.equal(fmt.cut('x'.repeat(300)), 'x'.repeat(300));
  assert.equal(fmt.cut(null), '-');
});

test('dates in the viewer\'s locale', () => {
  assert.equal(fmt.date('2026-02-23', 'en-GB'), '23/02/2026');
  assert.equal(fmt.date('2026-02-23', 'en-US'), '02/23/2026');
  assert.equal(fmt.date(null), '-');
  assert.equal(fmt.date('soon'), '-');
});

// Labels are the API's text (docs/dashboard-api.md "Who formats what"): the
// front end shows type_label and change_text as sent and has no copy of the
// rules that write them.
test('the front end derives no labels of its own', () => {
  assert.equal(fmt.typeLabel, undefined);
  assert.equal(fmt.rankChange, undefined);
});
