import { describe, expect, it } from 'vitest';
import { progressText } from '../../../renderer/src/screens/mapping/MappingStatusBar';
import type { OptionsProgressEvent } from '../../../shared/mapping-contract';

const reading: OptionsProgressEvent = {
  type: 'options:progress',
  instanceId: '6f1e2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b',
  phase: 'clients',
  page: 3,
  pagesEstimated: 20,
  rowsSoFar: 1500,
  recordCount: 2000,
  waitingSeconds: null,
};

describe('the Refresh Options progress line', () => {
  it('names the page and the clients read so far', () => {
    expect(progressText(null)).toBe('Starting Refresh Options…');
    expect(progressText(reading)).toBe('Reading Halo clients: page 3 of 20 (1,500 so far)');
    expect(progressText({ ...reading, pagesEstimated: null })).toBe(
      'Reading Halo clients: page 3 (1,500 so far)',
    );
  });

  it('counts down a rate-limit wait, and names no "page 0" when the first page is the one held back', () => {
    expect(progressText({ ...reading, waitingSeconds: 42 })).toBe(
      'Waiting for Halo’s rate limit: 42 s (page 3 of 20, 1,500 clients so far)',
    );
    expect(progressText({ ...reading, page: 0, rowsSoFar: 0, pagesEstimated: null, waitingSeconds: 5 })).toBe(
      'Waiting for Halo’s rate limit: 5 s (no clients read yet)',
    );
  });

  it('says when Halo asked for a longer wait than Halo Setup waits (the cap), and counts down the capped wait', () => {
    expect(
      progressText({
        ...reading,
        waitingSeconds: 42,
        cappedWait: { requestedSeconds: 300, waitSeconds: 120 },
      }),
    ).toBe(
      'Halo asked to wait 300 s; waiting 120 s at most, then trying again (42 s left; page 3 of 20, 1,500 clients so far)',
    );
    // A wait no longer running carries no cap note, even if one was sent before.
    expect(progressText({ ...reading, cappedWait: { requestedSeconds: 300, waitSeconds: 120 } })).toBe(
      'Reading Halo clients: page 3 of 20 (1,500 so far)',
    );
  });
});
