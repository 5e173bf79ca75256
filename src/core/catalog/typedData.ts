import type { TypedDataEntry } from './sinkTypes';

/**
 * Generic calls of form and data libraries whose type argument says what the data they hand out is
 * (`useForm<IntakeForm>()`): where that data comes out of their result (see TypedDataEntry). With a type of the project
 * whose fields are PHI, the form's values are those records, whatever the code calls them (`handleSubmit((data) => …)`).
 */
export const TYPED_DATA: readonly TypedDataEntry[] = [
  {
    id: 'react-hook-form', description: "react-hook-form's `useForm<T>()` and `useFormContext<T>()`: `handleSubmit` calls back with the form's values, `getValues()` and `watch()` return them.",
    modules: ['react-hook-form'], paths: ['{useForm,useFormContext}'],
    members: { handleSubmit: 'callback', getValues: 'returns', watch: 'returns' },
    examples: {
      match: [
        "import { useForm } from 'react-hook-form';\ninterface IntakeForm { firstName: string; dateOfBirth: string }\nconst { handleSubmit } = useForm<IntakeForm>();\nexport const onSubmit = handleSubmit((data) => console.log('submitted', data));",
        "import { useFormContext } from 'react-hook-form';\ninterface IntakeForm { firstName: string; dateOfBirth: string }\nconst { getValues } = useFormContext<IntakeForm>();\nconsole.log('draft', getValues());",
      ],
      noMatch: ["import { useForm } from 'react-hook-form';\ninterface ThemeForm { colorScheme: string; fontSize: number }\nconst { handleSubmit } = useForm<ThemeForm>();\nexport const onSubmit = handleSubmit((data) => console.log('submitted', data));"],
    },
  },
  {
    id: 'formik', description: "Formik's `useFormik<T>()`: the `onSubmit` option is called with the form's values, and the result's `values` are them.",
    modules: ['formik'], paths: ['useFormik'],
    members: { values: 'value' }, optionCallbacks: ['onSubmit'],
    examples: {
      match: [
        "import { useFormik } from 'formik';\ninterface Referral { patientName: string; reasonForReferral: string }\nconst formik = useFormik<Referral>({ initialValues: { patientName: '', reasonForReferral: '' }, onSubmit: (values) => console.log('referral', values) });",
        "import { useFormik } from 'formik';\ninterface Referral { patientName: string; reasonForReferral: string }\nconst formik = useFormik<Referral>({ initialValues: { patientName: '', reasonForReferral: '' }, onSubmit: save });\nconsole.log('draft', formik.values);",
      ],
      noMatch: ["import { useFormik } from 'formik';\ninterface Search { query: string; pageSize: number }\nconst formik = useFormik<Search>({ initialValues: { query: '', pageSize: 20 }, onSubmit: (values) => console.log('search', values) });"],
    },
  },
  {
    id: 'tanstack-query', description: "TanStack Query's `useQuery<T>()` and `useSuspenseQuery<T>()`: the result's `data` is a `T`.",
    modules: ['@tanstack/react-query', 'react-query'], paths: ['{useQuery,useSuspenseQuery}'],
    members: { data: 'value' },
    examples: {
      match: ["import { useQuery } from '@tanstack/react-query';\ninterface Chart { patientName: string; diagnosis: string }\nconst { data } = useQuery<Chart>({ queryKey: ['chart'], queryFn: loadChart });\nconsole.log('chart', data);"],
      noMatch: ["import { useQuery } from '@tanstack/react-query';\ninterface Settings { theme: string; pageSize: number }\nconst { data } = useQuery<Settings>({ queryKey: ['settings'], queryFn: loadSettings });\nconsole.log('settings', data);"],
    },
  },
  {
    id: 'swr', description: "SWR's `useSWR<T>()` (its default export) and `useSWRImmutable<T>()`: the result's `data` is a `T`.",
    modules: ['swr', 'swr/immutable'], paths: ['{default,useSWR,useSWRImmutable}'],
    members: { data: 'value' },
    examples: {
      match: ["import useSWR from 'swr';\ninterface Visit { patientName: string; reasonForVisit: string }\nconst { data } = useSWR<Visit>('/api/visits/current', fetcher);\nconsole.log('visit', data);"],
      noMatch: ["import useSWR from 'swr';\ninterface Flags { darkMode: boolean; pageSize: number }\nconst { data } = useSWR<Flags>('/api/flags', fetcher);\nconsole.log('flags', data);"],
    },
  },
  {
    id: 'react-router-data',
    description: "React Router's `useOutletContext<T>()`, `useLoaderData<T>()`, `useRouteLoaderData<T>()` and `useActionData<T>()` (and Remix's): the result is a `T`.",
    modules: ['react-router-dom', 'react-router', '@remix-run/react'], paths: ['{useOutletContext,useLoaderData,useRouteLoaderData,useActionData}'],
    members: {}, result: true,
    examples: {
      match: ["import { useOutletContext } from 'react-router-dom';\ninterface VisitContext { patientName: string; reasonForVisit: string }\nconst visit = useOutletContext<VisitContext>();\nconsole.log('visit', visit);"],
      noMatch: ["import { useOutletContext } from 'react-router-dom';\ninterface LayoutContext { theme: string; pageSize: number }\nconst layout = useOutletContext<LayoutContext>();\nconsole.log('layout', layout);"],
    },
  },
  {
    id: 'axios-response', description: "axios's `get<T>()`, `post<T>()` and peers: the response's `data` is a `T`.",
    modules: ['axios'], paths: ['default.{get,post,put,patch,delete,request}', 'default.create().{get,post,put,patch,delete,request}'],
    members: { data: 'value' },
    examples: {
      match: ["import axios from 'axios';\ninterface Visit { patientName: string; reasonForVisit: string }\nconst response = await axios.get<Visit>('/api/visits/current');\nconsole.log('visit', response.data);"],
      noMatch: ["import axios from 'axios';\ninterface Health { status: string; uptimeSeconds: number }\nconst response = await axios.get<Health>('/api/health');\nconsole.log('health', response.data);"],
    },
  },
];
