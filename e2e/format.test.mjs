// Unit test of the dashboard plugin's number formatting, without a browser:  npm run test:format
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fmt from '../src/main/resources/META-INF/resources/webjars/camunda/app/cockpit/scripts/lifecycle/format.js';

test('durations read as people say them', () => {
  assert.equal(fmt.duration(null), fmt.NONE);
  assert.equal(fmt.duration(0), 'none');
  assert.equal(fmt.duration(45), '45 s');
  assert.equal(fmt.duration(20 * 60), '20 min');
  assert.equal(fmt.duration(3.5 * 3600), '3.5 h');
  assert.equal(fmt.duration(24 * 3600), '24 h');
  assert.equal(fmt.duration(2678405), '31 d');
  assert.equal(fmt.duration(2.5 * 86400), '2.5 d');
});

test('days, hours, rates and points', () => {
  assert.equal(fmt.days(0), 'under a day');
  assert.equal(fmt.days(12), '12 d');
  assert.equal(fmt.hours(3.5), '3.5 h');
  assert.equal(fmt.hours(408), '17 d');
  assert.equal(fmt.percent(0.5), '50 %');
  assert.equal(fmt.percent(null), fmt.NONE);
  assert.equal(fmt.points(0.6, 0.5), '+10 pts');
  assert.equal(fmt.points(0.4, 0.5), '−10 pts');
  assert.equal(fmt.points(0.5, 0.5), '±0 pts');
});

test('dates and how long ago', () => {
  const now = new Date('2026-11-21T12:00:00Z');
  assert.equal(fmt.date('2026-10-21T15:15:31.019Z'), '2026-10-21');
  assert.equal(fmt.dateTime('2026-10-21T15:15:31.019Z'), '2026-10-21 15:15 UTC');
  assert.equal(fmt.ago('2026-11-18T12:00:00Z', now), '3 d ago');
  assert.equal(fmt.ago('2026-11-21T07:00:00Z', now), '5 h ago');
  assert.equal(fmt.ago('2026-11-21T11:59:30Z', now), 'just now');
  assert.equal(fmt.ago(null, now), fmt.NONE);
});

test('names', () => {
  assert.equal(fmt.words('newContributorsInPathway'), 'New contributors in pathway');
  assert.equal(fmt.stageName('learning-and-preparing-for-growth'), 'Learning and preparing for growth');
  assert.equal(fmt.stageName('unknown-stage'), 'unknown-stage');
});

test('running instances per version', () => {
  assert.equal(fmt.versionCounts([{ version: 1, running: 12, paused: 0 }, { version: 2, running: 3, paused: 0 }]), 'v1: 12 · v2: 3');
  assert.equal(fmt.versionCounts([{ version: 1, running: 12, paused: 2 }]), 'v1: 12 (2 paused)');
  assert.equal(fmt.versionCounts([]), fmt.NONE);
  assert.equal(fmt.versionCounts(null), fmt.NONE);
});

test('what a source follows and brought', () => {
  assert.deepEqual(fmt.follows({ siteUrl: 'https://discourse.example.org', categories: 'help, ideas', token: 'x' }),
    [['Categories', 'help, ideas'], ['Site', 'https://discourse.example.org']]);
  assert.deepEqual(fmt.follows({ repositories: ' ' }), []);
  assert.deepEqual(fmt.follows(null), []);
  assert.equal(fmt.contributed(12, 3), '12 contributions from 3 people');
  assert.equal(fmt.contributed(1, 1), '1 contribution from 1 person');
  assert.equal(fmt.contributed(0, 0), '0 contributions from 0 people');
});
