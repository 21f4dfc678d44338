import type { HaloErrorInfo } from '../../shared/halo-errors';
import { plural } from '../../shared/plural';
import type {
  HaloAgentFacts,
  ValidationResult,
  ValidationStep,
  ValidationStepId,
  ValidationWarning,
} from '../../shared/validation';
import { agentFacts } from './agent-facts';
import type { HaloClock } from './clock';
import { HaloError } from './halo-error';
import type { HaloAgent } from './schemas';
import { hostOf } from './urls';

/**
 * The cheap three-request validation of halo-api.md §6: a token (scope `all`, or the least set when Halo
 * refuses that, see token-source.ts), `/api/Agent/me`, and one row of `/api/Client`. Each step reports
 * status, time and evidence; after a failure the rest are skipped. Halo failures (and cancellation) end
 * up in the result, never as a rejection.
 */

export interface ValidationDeps {
  clock: HaloClock;
  apiBase: () => string;
  /** A fresh grant; resolves with what the validation shows. */
  requestToken: (
    signal?: AbortSignal,
  ) => Promise<{ tokenUrl: string; scope: string | null; expiresInSeconds: number | null }>;
  tokenUrlSoFar: () => string | null;
  getAgentMe: (signal?: AbortSignal) => Promise<HaloAgent>;
  customerCount: (
    signal?: AbortSignal,
  ) => Promise<{ recordCount: number | null; rowsSeen: number; rowsUnreadable: number }>;
  /** Classifies anything a step threw that is not a HaloError already. */
  toInfo: (error: unknown, signal?: AbortSignal) => HaloErrorInfo;
}

export interface ValidateOptions {
  signal?: AbortSignal;
  onProgress?: (steps: ValidationStep[]) => void;
}

const labels: Record<ValidationStepId, string> = {
  token: 'Get an access token',
  agent: 'Check the API agent',
  customers: 'Read customers',
};

export const warningTexts = {
  clientIdMayHaveChanged:
    'Halo may change the Client ID after the application is saved: copy the Client ID again from Configuration > Integrations > Halo API > Applications. If it matches, the client secret is wrong: generate a new one in Halo and paste it here.',
  noCustomers:
    'Halo answered, but this application\'s agent can see no customers. Make the agent a member of every team (the checklist\'s team membership steps) and tick "Allow use of all Customers" for the application, then validate again.',
  agentDisabled: (name: string) =>
    `The agent '${name}' is disabled in Halo, so the integration may stop working. Enable it under Configuration > Teams/Agents > Agents.`,
  notApiAgent: (name: string) =>
    `The agent '${name}' is not an API agent. Link the application to a dedicated API agent so its permissions and audit trail stay separate from a person's.`,
} as const;

export async function runValidation(
  deps: ValidationDeps,
  options: ValidateOptions = {},
): Promise<ValidationResult> {
  const { clock } = deps;
  const { signal } = options;
  const startedAt = new Date(clock.now()).toISOString();
  const steps: ValidationStep[] = (['token', 'agent', 'customers'] as const).map((id) => ({
    id,
    label: labels[id],
    status: 'pending',
    durationMs: null,
    evidence: '',
    error: null,
  }));
  const warnings: ValidationWarning[] = [];
  const facts: ValidationResult['facts'] = { tokenScope: null, agent: null, customerCount: null };
  const emit = (): void => options.onProgress?.(steps.map((step) => ({ ...step })));

  const update = (index: number, patch: Partial<ValidationStep>): void => {
    const step = steps[index];
    if (step !== undefined) steps[index] = { ...step, ...patch };
    emit();
  };

  /** Runs one step; returns false when it failed (the caller then skips the rest). */
  const run = async (
    index: number,
    body: () => Promise<{ evidence: string; warn?: boolean }>,
  ): Promise<boolean> => {
    const started = clock.now();
    update(index, { status: 'running' });
    try {
      if (signal?.aborted) throw signal.reason ?? new DOMException('cancelled', 'AbortError');
      const outcome = await body();
      update(index, {
        status: outcome.warn === true ? 'warning' : 'ok',
        durationMs: Math.max(0, clock.now() - started),
        evidence: outcome.evidence,
      });
      return true;
    } catch (error) {
      const info = error instanceof HaloError ? error.info : deps.toInfo(error, signal);
      update(index, { status: 'failed', durationMs: Math.max(0, clock.now() - started), error: info });
      if (info.code === 'invalid-client') {
        warnings.push({ code: 'client-id-may-have-changed', message: warningTexts.clientIdMayHaveChanged });
      }
      for (let rest = index + 1; rest < steps.length; rest += 1) {
        const step = steps[rest];
        if (step !== undefined) steps[rest] = { ...step, status: 'skipped' };
      }
      emit();
      return false;
    }
  };

  emit();
  const tokenOk = await run(0, async () => {
    const grant = await deps.requestToken(signal);
    facts.tokenScope = grant.scope;
    const lifetime =
      grant.expiresInSeconds === null ? '' : `, valid ${Math.round(grant.expiresInSeconds / 60)} min`;
    const scope = grant.scope === null ? '' : `, scope '${grant.scope}'`;
    return { evidence: `Token issued by ${hostOf(grant.tokenUrl)}${scope}${lifetime}` };
  });

  const agentOk =
    tokenOk &&
    (await run(1, async () => {
      const agent: HaloAgentFacts = agentFacts(await deps.getAgentMe(signal));
      facts.agent = agent;
      let warn = false;
      if (agent.isDisabled) {
        warnings.push({ code: 'agent-disabled', message: warningTexts.agentDisabled(agent.name) });
        warn = true;
      }
      if (agent.isApiAgent === false) {
        warnings.push({ code: 'not-api-agent', message: warningTexts.notApiAgent(agent.name) });
        warn = true;
      }
      return { evidence: `Signed in as agent '${agent.name}' (id ${agent.id})`, warn };
    }));

  if (agentOk) {
    await run(2, async () => {
      const { recordCount, rowsSeen, rowsUnreadable } = await deps.customerCount(signal);
      facts.customerCount = recordCount;
      if (rowsUnreadable > 0) {
        const rows = rowsUnreadable === 1 ? '1 Halo client' : `${rowsUnreadable} Halo clients`;
        const seen =
          recordCount === null ? 'Can read customers' : `Can see ${plural(recordCount, 'customer')}`;
        return { evidence: `${seen}, but ${rows} could not be read (no usable id)`, warn: true };
      }
      if (recordCount === 0 || (recordCount === null && rowsSeen === 0)) {
        warnings.push({ code: 'no-customers', message: warningTexts.noCustomers });
        return { evidence: 'Can see 0 customers', warn: true };
      }
      if (recordCount === null) return { evidence: 'Can read customers (Halo did not say how many)' };
      return { evidence: `Can see ${plural(recordCount, 'customer')}` };
    });
  }

  const status: ValidationResult['status'] = steps.some((s) => s.status === 'failed')
    ? 'failed'
    : steps.some((s) => s.status === 'warning') || warnings.length > 0
      ? 'warning'
      : 'ok';
  return {
    status,
    startedAt,
    finishedAt: new Date(clock.now()).toISOString(),
    endpoints: { tokenUrl: deps.tokenUrlSoFar(), apiBase: deps.apiBase() },
    steps: steps.map((step) => ({ ...step })),
    warnings,
    facts,
  };
}
