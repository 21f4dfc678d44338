import { describe, expect, it } from 'vitest';
import { progressText } from '../../../renderer/src/screens/wizard/progress-text';
import type { WizardProgress } from '../../../shared/wizard-contract';

const base: WizardProgress = {
  instanceId: '6f1e2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b',
  currentStage: 'agent',
  doneSteps: 0,
  totalSteps: 14,
  missingTeams: null,
  failedChecks: [],
  checkedAt: null,
};

describe('the instance list’s setup progress', () => {
  it('says what needs fixing first, then whether Halo confirmed the setup, then where the guide is', () => {
    expect(progressText(undefined)).toEqual({ text: 'Setup not started', tone: 'neutral' });
    expect(progressText(base).text).toBe('Setup not started');
    expect(progressText({ ...base, currentStage: 'application', doneSteps: 6 })).toEqual({
      text: 'Setup: stage B · 6/14 steps',
      tone: 'neutral',
    });
    const checkedAt = '2030-01-01T00:00:00.000Z';
    expect(
      progressText({
        ...base,
        checkedAt,
        missingTeams: ['Sales', 'Accounts'],
        failedChecks: ['teams', 'scope'],
      }),
    ).toEqual({ text: 'Teams: 2 missing', tone: 'failed' });
    expect(progressText({ ...base, checkedAt, missingTeams: null, failedChecks: ['scope'] }).text).toBe(
      'Permissions: too few',
    );
    expect(progressText({ ...base, checkedAt, missingTeams: [], doneSteps: 5 })).toEqual({
      text: 'Setup checked by Halo',
      tone: 'ok',
    });
  });
});
