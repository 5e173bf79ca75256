import type { CallbackWrapperEntry } from './sinkTypes';

/** Calls whose result calls the function they were given (see CallbackWrapperEntry). */
export const CALLBACK_WRAPPERS: readonly CallbackWrapperEntry[] = [
  {
    id: 'genkit-flow', description: "Genkit's `ai.defineFlow(config, fn)`: calling the flow calls `fn` with the flow's input.",
    modules: ['genkit', 'genkit/beta', '@genkit-ai/flow', '@genkit-ai/core'],
    paths: ['genkit().{defineFlow,defineStreamingFlow}', '{defineFlow,defineStreamingFlow}'], callbackArg: 1,
    inputSchema: { arg: 0, property: 'inputSchema' },
    examples: {
      match: ["import { genkit } from 'genkit';\nconst ai = genkit({});\nconst explain = ai.defineFlow({ name: 'explain' }, async (text: string) => (await ai.generate({ prompt: text })).text);\nawait explain(patient.diagnosis);"],
      noMatch: ["import { genkit } from 'genkit';\nconst ai = genkit({});\nconst explain = ai.defineFlow({ name: 'explain' }, async (text: string) => (await ai.generate({ prompt: text })).text);\nawait explain('What is HIPAA?');"],
    },
  },
  {
    id: 'react-callback-hooks', description: 'React hooks that return the callback they are given (`useCallback`, `useEffectEvent`, debounced and throttled callbacks).',
    names: ['useCallback', 'useEvent', 'useEffectEvent', 'useDebouncedCallback', 'useThrottledCallback', 'useMemoizedFn'], callbackArg: 0,
    examples: {
      match: ["import { useCallback } from 'react';\nconst remember = useCallback((value: string) => localStorage.setItem('last', value), []);\nremember(patient.ssn);"],
      noMatch: ["import { useCallback } from 'react';\nconst remember = useCallback((value: string) => localStorage.setItem('last', value), []);\nremember('dark-mode');"],
    },
  },
  {
    id: 'function-wrappers', description: 'Wrappers that call the function they are given later or once (`debounce`, `throttle`, `memoize`, `once` of lodash and its peers).',
    names: ['debounce', 'throttle', 'memoize', 'once', 'memoizeOne'], callbackArg: 0,
    examples: {
      match: ["import debounce from 'lodash/debounce';\nconst save = debounce((note: string) => console.log(note), 300);\nsave(patient.clinicalNotes);"],
      noMatch: ["import debounce from 'lodash/debounce';\nconst save = debounce((note: string) => console.log(note), 300);\nsave('draft saved');"],
    },
  },
];
