import { create } from 'zustand';
import type { Diagnosis } from '../../shared/views';
import { api } from '../api/client';

export type AsOfChoice = 'now' | 'issue-instant' | 'given';

interface DiagnoseState {
  /** What was pasted or loaded, and where it came from. */
  text: string;
  source: string;
  vendor: string;
  asOf: AsOfChoice;
  givenTime: string;
  certificate: string;
  /** The IdP's Federation Metadata XML, as the customer's vendor holds it. */
  idpMetadata: string;
  /** The SP's private key, to read an encrypted assertion; sent for this diagnosis only, never kept. */
  spKey: string;
  result: Diagnosis | undefined;
  /** Why the input could not be read: shown where the input is, until the input changes. */
  inputError: string | undefined;
  running: boolean;
  set(patch: Partial<Pick<DiagnoseState, 'text' | 'source' | 'vendor' | 'asOf' | 'givenTime' | 'certificate' | 'idpMetadata' | 'spKey'>>): void;
  run(): Promise<void>;
}

export const useDiagnose = create<DiagnoseState>((set, get) => ({
  text: '',
  source: '',
  vendor: '',
  asOf: 'now',
  givenTime: '',
  certificate: '',
  idpMetadata: '',
  spKey: '',
  result: undefined,
  inputError: undefined,
  running: false,
  set: (patch) => set({ ...patch, ...('text' in patch ? { inputError: undefined } : {}) }),
  run: async () => {
    const s = get();
    set({ running: true });
    try {
      const at = s.asOf === 'given' ? new Date(s.givenTime).toISOString() : s.asOf;
      const r = await api.call('diagnose.run', {
        text: s.text,
        at,
        certificates: s.certificate.trim() ? [s.certificate] : [],
        ...(s.idpMetadata.trim() ? { idpMetadata: s.idpMetadata } : {}),
        ...(s.spKey.trim() ? { spKey: s.spKey } : {}),
        ...(s.vendor ? { vendor: s.vendor } : {}),
      });
      set(r.ok ? { result: r.value, inputError: undefined } : { result: undefined, inputError: r.message });
    } finally {
      set({ running: false });
    }
  },
}));
