import type { SinkEntry } from '../sinkTypes';

const AXIOS_NO_BODY = '{get,delete,head,options,getUri}';
const AXIOS_BODY = '{post,put,patch,postForm,putForm,patchForm}';

/** PHI in a URL ends up in access logs, proxies, browser history and Referer headers. */
export const URL_SINKS: readonly SinkEntry[] = [
  {
    id: 'fetch', category: 'url', vendor: 'HTTP', package: '<global>', api: 'fetch',
    modules: ['<global>', 'node-fetch', 'cross-fetch', 'undici', 'isomorphic-fetch'], paths: ['fetch', 'default', '{fetch,request}'], globals: ['fetch'],
    args: [{ index: 0 }], urlArg: { index: 0 }, bodyArgs: [{ index: 1, properties: ['body'] }],
    examples: {
      match: ['await fetch(`/api/patients?ssn=${patient.ssn}`);', "import { request } from 'undici';\nawait request(`/api/patients?ssn=${patient.ssn}`);"],
      noMatch: ["await fetch('/api/patients', { method: 'POST', body: JSON.stringify({ ssn: patient.ssn }) });", 'await request(`/api/patients?ssn=${patient.ssn}`); // no global of that name'],
    },
  },
  {
    id: 'axios-no-body', category: 'url', vendor: 'HTTP', package: 'axios', api: 'axios.get',
    modules: ['axios'], paths: [`default.${AXIOS_NO_BODY}`, `default.create().${AXIOS_NO_BODY}`],
    args: [{ index: 0 }, { index: 1, properties: ['params'] }], urlArg: { index: 0 },
    examples: { match: ["import axios from 'axios';\naxios.get('/api/search', { params: { dob: patient.birthDate } });"], noMatch: ["import axios from 'axios';\naxios.get(`/api/patients/${encounterCount}`);"] },
  },
  {
    id: 'axios-body', category: 'url', vendor: 'HTTP', package: 'axios', api: 'axios.post',
    modules: ['axios'], paths: [`default.${AXIOS_BODY}`, `default.create().${AXIOS_BODY}`],
    args: [{ index: 0 }, { index: 2, properties: ['params'] }], urlArg: { index: 0 }, bodyArgs: [{ index: 1 }],
    examples: { match: ["import axios from 'axios';\naxios.post(`/api/notify?email=${patient.email}`, {});"], noMatch: ["import axios from 'axios';\naxios.post('/api/notify', { email: patient.email });"] },
  },
  {
    id: 'axios-config', category: 'url', vendor: 'HTTP', package: 'axios', api: 'axios(config)',
    modules: ['axios'], paths: ['default', 'default.request', 'default.create()', 'default.create().request'],
    args: [{ index: 0, properties: ['url', 'params'] }], urlArg: { index: 0, properties: ['url'] }, bodyArgs: [{ index: 0, properties: ['data'] }],
    examples: { match: ["import axios from 'axios';\naxios({ url: '/api/p', params: { mrn } });"], noMatch: ["import axios from 'axios';\naxios({ url: '/api/p', method: 'post', data: { mrn } });"] },
  },
  {
    id: 'got-ky', category: 'url', vendor: 'HTTP', package: 'got/ky/superagent', api: 'got(url)',
    modules: ['got', 'ky', 'superagent', 'needle'], paths: ['default', 'default.{get,post,put,patch,delete,head}', 'default.{create,extend}()', 'default.{create,extend}().{get,post,put,patch,delete,head}'],
    args: [{ index: 0 }, { index: 1, properties: ['searchParams', 'query'] }], urlArg: { index: 0 }, bodyArgs: [{ index: 1, properties: ['json', 'body', 'form'] }],
    examples: { match: ["import got from 'got';\nawait got(`https://x.test/lookup/${patient.ssn}`);"], noMatch: ["import got from 'got';\nawait got.post('https://x.test/lookup', { json: { ssn: patient.ssn } });"] },
  },
  {
    id: 'node-http', category: 'url', vendor: 'HTTP', package: 'node:http', api: 'http.request',
    modules: ['http', 'https', 'node:http', 'node:https'], paths: ['{request,get}', 'default.{request,get}'], args: [{ index: 0 }],
    examples: { match: ["import https from 'node:https';\nhttps.get(`https://x.test/p?dob=${dob}`);"], noMatch: ["import https from 'node:https';\nhttps.get('https://x.test/health');"] },
  },
  {
    // A socket's or event stream's URL is requested like a page's: its query string lands in the server's access log.
    id: 'websocket', category: 'url', vendor: 'HTTP', package: '<global>', api: 'new WebSocket / EventSource',
    modules: ['<global>'], paths: ['{WebSocket,EventSource}'], kind: 'new', args: [{ index: 0 }],
    examples: {
      match: ['new WebSocket(`wss://chat.example.com/socket?mrn=${patient.mrn}`);', 'new EventSource(`/events?name=${patient.lastName}`);'],
      noMatch: ["new WebSocket('wss://chat.example.com/socket');", 'new EventSource(`/events?room=${roomId}`);'],
    },
  },
  {
    id: 'xhr-open', category: 'url', vendor: 'HTTP', package: '<global>', api: 'XMLHttpRequest.open',
    modules: ['<global>'], paths: ['new XMLHttpRequest().open'], args: [{ index: 1 }],
    examples: {
      match: ["const xhr = new XMLHttpRequest();\nxhr.open('GET', `/api/lookup?ssn=${patient.ssn}`);"],
      noMatch: ["const xhr = new XMLHttpRequest();\nxhr.open('GET', '/api/health');"],
    },
  },
  {
    id: 'url-search-params', category: 'url', vendor: 'URL', package: '<global>', api: 'URLSearchParams',
    modules: ['<global>', 'url', 'node:url'], paths: ['URLSearchParams'], kind: 'new',
    examples: { match: ['const q = new URLSearchParams({ mrn: patient.mrn });'], noMatch: ["const q = new URLSearchParams({ page: '2' });"] },
  },
  {
    id: 'url-search-params-set', category: 'url', vendor: 'URL', package: '<global>', api: 'searchParams.set',
    modules: ['<global>', 'url', 'node:url'], paths: ['new URLSearchParams().{set,append}', 'new URL().searchParams.{set,append}'], args: [{ index: 1 }],
    examples: { match: ["const u = new URL('https://x.test');\nu.searchParams.set('email', patient.email);"], noMatch: ["const u = new URL('https://x.test');\nu.searchParams.set('page', '2');"] },
  },
  {
    id: 'location', category: 'url', vendor: 'Browser navigation', package: '<global>', api: 'location.href', kind: 'assign',
    modules: ['<global>'], paths: ['location', 'location.{href,search,hash}', 'document.location', 'document.location.href'],
    examples: { match: ['window.location.href = `/patients?name=${patient.lastName}`;'], noMatch: ["window.location.href = '/home';"] },
  },
  {
    id: 'location-call', category: 'url', vendor: 'Browser navigation', package: '<global>', api: 'location.assign / window.open',
    modules: ['<global>'], paths: ['location.{assign,replace}', 'open', 'history.{pushState,replaceState}'], args: [{ index: 0 }, { index: 2 }],
    examples: { match: ['location.assign(`/p?dob=${patient.dob}`);'], noMatch: ["location.assign('/login');"] },
  },
  {
    id: 'router', category: 'url', vendor: 'Router navigation', package: 'next/react-router', api: 'router.push',
    modules: ['next/navigation', 'next/router', 'react-router', 'react-router-dom', '@tanstack/react-router', 'vue-router', 'expo-router'],
    paths: ['useRouter().{push,replace,prefetch}', 'default.{push,replace}', 'useNavigate()', 'router.{push,replace,navigate}', 'redirect', 'permanentRedirect'], args: [{ index: 0 }], queryOnly: true,
    examples: { match: ["import { useRouter } from 'next/navigation';\nconst router = useRouter();\nrouter.push(`/results?ssn=${ssn}`);", "import { useNavigate } from 'react-router-dom';\nconst navigate = useNavigate();\nnavigate({ pathname: '/p', search: `?dob=${patient.birthDate}` });"], noMatch: ["import { useRouter } from 'next/navigation';\nconst router = useRouter();\nrouter.push(`/patients/${patientId}/chart`);"] },
  },
  {
    id: 'react-native-linking', category: 'url', vendor: 'React Native', package: 'react-native', api: 'Linking.openURL',
    modules: ['react-native', 'expo-linking', 'expo-web-browser'], paths: ['Linking.openURL', '{default,openURL,openBrowserAsync}', 'default.openURL'], args: [{ index: 0 }],
    examples: { match: ["import { Linking } from 'react-native';\nLinking.openURL(`https://pharmacy.example.com/lookup?drug=${patient.medication}`);"], noMatch: ["import { Linking } from 'react-native';\nLinking.openURL('https://example.com/help');"] },
  },
  {
    id: 'router-search-params', category: 'url', vendor: 'Router navigation', package: 'react-router', api: 'setSearchParams',
    modules: ['react-router', 'react-router-dom'], paths: ['useSearchParams().1'], args: [{ index: 0 }],
    examples: { match: ["import { useSearchParams } from 'react-router-dom';\nconst [params, setSearchParams] = useSearchParams();\nsetSearchParams({ dob: patient.birthDate });"], noMatch: ["import { useSearchParams } from 'react-router-dom';\nconst [params, setSearchParams] = useSearchParams();\nsetSearchParams({ tab: 'labs' });"] },
  },
];
