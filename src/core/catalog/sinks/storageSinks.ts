import type { SinkEntry } from '../sinkTypes';

const FS_WRITES = '{writeFile,writeFileSync,appendFile,appendFileSync,outputFile,outputFileSync,writeJson,writeJSON,writeJsonSync,outputJson,outputJSON,outputJsonSync}';
/** PouchDB's packages (relational-pouch is a plugin on the same database objects). */
const POUCHDB_MODULES = ['pouchdb', 'pouchdb-browser', 'pouchdb-node', 'pouchdb-core'];
const REDIS_WRITES = '{set,setex,setnx,psetex,hset,hSet,hmset,hMSet,hsetnx,lpush,lPush,rpush,rPush,sadd,sAdd,zadd,zAdd,append,mset,mSet,xadd,xAdd,getset,json.set}';

/** Places that keep data at rest without encryption (45 CFR 164.312(a)(2)(iv)). */
export const STORAGE_SINKS: readonly SinkEntry[] = [
  {
    id: 'web-storage', category: 'storage', vendor: 'Web Storage', package: '<global>', api: 'localStorage.setItem',
    modules: ['<global>'], paths: ['{localStorage,sessionStorage}.setItem'],
    examples: { match: ["localStorage.setItem('patient', JSON.stringify(patient));"], noMatch: ["localStorage.setItem('theme', 'dark');"] },
  },
  {
    id: 'document-cookie', category: 'storage', vendor: 'Cookies', package: '<global>', api: 'document.cookie', kind: 'assign',
    modules: ['<global>'], paths: ['document.cookie'],
    examples: { match: ['document.cookie = `mrn=${patient.mrn}`;'], noMatch: ["document.cookie = 'consent=1';"] },
  },
  {
    id: 'express-cookie', category: 'storage', vendor: 'Cookies', package: 'express', api: 'res.cookie',
    modules: ['express'], paths: ['**.$arg1.cookie', 'new {Response,default.Response}().cookie'], args: [{ index: 1 }],
    examples: { match: ["import express from 'express';\nconst app = express();\napp.get('/p', (req, res) => { res.cookie('dob', req.body.dob); });"], noMatch: ["import express from 'express';\nconst app = express();\napp.get('/p', (req, res) => { res.cookie('session', token); });"] },
  },
  {
    id: 'next-cookies', category: 'storage', vendor: 'Cookies', package: 'next', api: 'cookies().set',
    modules: ['next/headers'], paths: ['cookies().set'], args: [{ index: 1 }],
    examples: { match: ["import { cookies } from 'next/headers';\n(await cookies()).set('email', patient.email);"], noMatch: ["import { cookies } from 'next/headers';\n(await cookies()).set('theme', 'dark');"] },
  },
  {
    id: 'js-cookie', category: 'storage', vendor: 'Cookies', package: 'js-cookie', api: 'Cookies.set',
    modules: ['js-cookie', 'universal-cookie', 'react-cookie'], paths: ['default.set', 'new default().set'], args: [{ index: 1 }],
    examples: { match: ["import Cookies from 'js-cookie';\nCookies.set('phone', patient.phone);"], noMatch: ["import Cookies from 'js-cookie';\nCookies.set('lang', 'en');"] },
  },
  {
    id: 'indexeddb', category: 'storage', vendor: 'IndexedDB', package: 'idb/localforage/dexie', api: 'put/add/setItem',
    modules: ['idb', 'localforage', 'dexie', 'idb-keyval'], paths: ['**.{put,add,bulkAdd,bulkPut,setItem}', '{set,update,setMany}'],
    examples: {
      match: [
        "import localforage from 'localforage';\nawait localforage.setItem('patient', patient);",
        "import Dexie from 'dexie';\nclass ClinicDb extends Dexie {}\nconst db = new ClinicDb();\nawait db.table('patients').add(patient);",
      ],
      noMatch: ["import localforage from 'localforage';\nawait localforage.setItem('prefs', prefs);", "import Dexie from 'dexie';\nclass ClinicDb extends Dexie {}\nconst db = new ClinicDb();\nawait db.table('settings').add(theme);"],
    },
  },
  {
    // Offline-first EHRs (HospitalRun) keep records in PouchDB: IndexedDB in the browser, LevelDB on disk, unencrypted
    // unless a plugin encrypts them; `rel.save` is relational-pouch's.
    id: 'pouchdb', category: 'storage', vendor: 'PouchDB', package: 'pouchdb', api: 'db.put/post/bulkDocs',
    modules: POUCHDB_MODULES, paths: ['new {default,PouchDB}().{put,post,bulkDocs}'],
    examples: {
      match: ["import PouchDB from 'pouchdb';\nconst db = new PouchDB('patients');\nawait db.put({ _id: patient.mrn, ...patient });"],
      noMatch: ["import PouchDB from 'pouchdb';\nconst db = new PouchDB('settings');\nawait db.put({ _id: 'theme', value: theme });"],
    },
  },
  {
    id: 'pouchdb-relational', category: 'storage', vendor: 'PouchDB', package: 'relational-pouch', api: 'db.rel.save',
    // `setSchema` returns the database it is called on, with `rel` (HospitalRun's `localDb.setSchema(schema)`).
    modules: POUCHDB_MODULES, paths: ['new {default,PouchDB}().rel.save'], args: [{ index: 1 }], chainable: ['setSchema'],
    examples: {
      match: ["import PouchDB from 'pouchdb';\nconst db = new PouchDB('ehr');\nawait db.rel.save('patient', { id: patient.id, name: patient.name });", "import PouchDB from 'pouchdb';\nconst db = new PouchDB('ehr').setSchema([{ singular: 'patient', plural: 'patients' }]);\nawait db.rel.save('patient', patient);"],
      noMatch: ["import PouchDB from 'pouchdb';\nconst db = new PouchDB('ehr');\nawait db.rel.save('ward', { id: ward.id, beds: ward.beds });"],
    },
  },
  {
    id: 'indexeddb-global', category: 'storage', vendor: 'IndexedDB', package: '<global>', api: 'IDBObjectStore.put',
    modules: ['<global>'], paths: ['indexedDB.**.{put,add}'],
    examples: { match: ["indexedDB.open('db').result.transaction('p').objectStore('p').put(patient);"], noMatch: ["indexedDB.open('db');"] },
  },
  {
    id: 'async-storage', category: 'storage', vendor: 'AsyncStorage', package: '@react-native-async-storage/async-storage', api: 'setItem',
    modules: ['@react-native-async-storage/async-storage', 'react-native'], paths: ['{default,AsyncStorage}.{setItem,mergeItem,multiSet,multiMerge}'],
    examples: { match: ["import AsyncStorage from '@react-native-async-storage/async-storage';\nawait AsyncStorage.setItem('ssn', ssn);"], noMatch: ["import * as SecureStore from 'expo-secure-store';\nawait SecureStore.setItemAsync('ssn', ssn);"] },
  },
  {
    id: 'mmkv', category: 'storage', vendor: 'MMKV', package: 'react-native-mmkv', api: 'storage.set',
    modules: ['react-native-mmkv'], paths: ['new MMKV().set', 'createMMKV().set'],
    examples: { match: ["import { MMKV } from 'react-native-mmkv';\nconst storage = new MMKV();\nstorage.set('dob', patient.birthDate);"], noMatch: ["import { MMKV } from 'react-native-mmkv';\nconst storage = new MMKV({ encryptionKey });\nstorage.set('count', 1);"] },
  },
  {
    id: 'fs-write', category: 'storage', vendor: 'File system', package: 'node:fs', api: 'fs.writeFile',
    modules: ['fs', 'fs/promises', 'fs-extra', 'graceful-fs', 'node:fs', 'node:fs/promises'], paths: [FS_WRITES, `{default,promises,default.promises}.${FS_WRITES}`], args: [{ index: 1 }],
    examples: { match: ["import fs from 'node:fs';\nfs.writeFileSync('/tmp/p.json', JSON.stringify(patient));"], noMatch: ["import fs from 'node:fs';\nfs.writeFileSync('/tmp/stats.json', JSON.stringify(stats));"] },
  },
  {
    id: 'fs-stream', category: 'storage', vendor: 'File system', package: 'node:fs', api: 'createWriteStream().write',
    modules: ['fs', 'fs-extra', 'node:fs'], paths: ['{default.createWriteStream,createWriteStream}().{write,end}'], args: [{ index: 0 }],
    examples: { match: ["import { createWriteStream } from 'fs';\nconst out = createWriteStream('export.csv');\nout.write(`${patient.ssn},${patient.dob}\\n`);"], noMatch: ["import { createWriteStream } from 'fs';\nconst out = createWriteStream('export.csv');\nout.write('header\\n');"] },
  },
  {
    id: 'redis', category: 'storage', vendor: 'Redis', package: 'ioredis/redis', api: 'set/hset',
    modules: ['ioredis', 'redis', '@redis/client', '@upstash/redis'], paths: [`new {default,Redis,Cluster}().${REDIS_WRITES}`, `createClient().${REDIS_WRITES}`, `{default,Redis}.fromEnv().${REDIS_WRITES}`],
    examples: { match: ["import Redis from 'ioredis';\nconst redis = new Redis();\nawait redis.set(`patient:${id}`, JSON.stringify(patient));"], noMatch: ["import Redis from 'ioredis';\nconst redis = new Redis();\nawait redis.set('hits', String(n));"] },
  },
  {
    id: 's3-put', category: 'storage', vendor: 'Amazon S3', package: '@aws-sdk/client-s3', api: 'PutObjectCommand', kind: 'new',
    modules: ['@aws-sdk/client-s3'], paths: ['{PutObjectCommand,UploadPartCommand}'], args: [{ index: 0, properties: ['Body', 'Key', 'Metadata'] }],
    unlessArgHas: ['ServerSideEncryption', 'SSEKMSKeyId', 'SSECustomerKey'],
    examples: { match: ["import { PutObjectCommand } from '@aws-sdk/client-s3';\nawait s3.send(new PutObjectCommand({ Bucket, Key: 'p.json', Body: JSON.stringify(patient) }));"], noMatch: ["import { PutObjectCommand } from '@aws-sdk/client-s3';\nawait s3.send(new PutObjectCommand({ Bucket, Key: 'p.json', Body: JSON.stringify(patient), ServerSideEncryption: 'aws:kms' }));"] },
  },
  {
    id: 's3-upload', category: 'storage', vendor: 'Amazon S3', package: '@aws-sdk/lib-storage', api: 'Upload', kind: 'new',
    modules: ['@aws-sdk/lib-storage'], paths: ['Upload'], args: [{ index: 0, properties: ['params.Body', 'params.Key', 'params.Metadata'] }],
    unlessArgHas: ['params.ServerSideEncryption', 'params.SSEKMSKeyId', 'params.SSECustomerKey'],
    examples: { match: ["import { Upload } from '@aws-sdk/lib-storage';\nnew Upload({ client, params: { Bucket, Key, Body: patientCsv } });"], noMatch: ["import { Upload } from '@aws-sdk/lib-storage';\nnew Upload({ client, params: { Bucket, Key, Body: patientCsv, ServerSideEncryption: 'AES256' } });"] },
  },
];
