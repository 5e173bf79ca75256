import type { SinkEntry } from '../sinkTypes';

const LEVELS = '{trace,debug,info,warn,warning,error,fatal,log,verbose,silly,http,notice,crit,critical,alert,emerg,success,fail,ready,start,box}';

/** Loggers, error trackers, tracing and product analytics: all copy data out of ePHI controls. */
export const LOG_SINKS: readonly SinkEntry[] = [
  {
    id: 'console', category: 'log', vendor: 'Console', package: '<global>', api: 'console.log',
    modules: ['<global>', 'console', 'node:console'], paths: ['console.{log,info,warn,error,debug,trace,dir,table,dirxml,group,groupCollapsed,assert,timeLog,count}', '{log,info,warn,error,debug,trace,dir,table}'],
    globals: ['console.{log,info,warn,error,debug,trace,dir,table,dirxml,group,groupCollapsed,assert,timeLog,count}'],
    examples: {
      match: ['console.log("patient", patient.ssn);', 'window.console.error(`DOB ${dob}`);', "import { error } from 'node:console';\nerror(patient.ssn);"],
      noMatch: ['console.log("started", port);', 'const console = { log() {} };\nconsole.log(patient.ssn);', 'error(patient.ssn); // no global of that name'],
    },
  },
  {
    id: 'winston', category: 'log', vendor: 'winston', package: 'winston', api: 'logger.info',
    modules: ['winston'], paths: [`{default,createLogger,winston.createLogger}().${LEVELS}`, `default.${LEVELS}`, `default.createLogger().${LEVELS}`, `loggers.get().${LEVELS}`, `default.loggers.get().${LEVELS}`], chainable: ['child'],
    examples: { match: ["import winston from 'winston';\nconst logger = winston.createLogger({});\nlogger.info({ email: patient.email });"], noMatch: ["import winston from 'winston';\nconst logger = winston.createLogger({});\nlogger.info('ready', { port });"] },
  },
  {
    id: 'pino', category: 'log', vendor: 'pino', package: 'pino', api: 'logger.info',
    modules: ['pino', 'pino-http', 'nestjs-pino'], paths: [`{default,pino}().${LEVELS}`, `default().logger.${LEVELS}`, `new {PinoLogger,Logger}().${LEVELS}`], chainable: ['child'],
    examples: { match: ["import pino from 'pino';\nconst log = pino();\nlog.child({ mod: 'x' }).info({ mrn }, 'loaded');"], noMatch: ["import pino from 'pino';\nconst log = pino();\nlog.info({ count: rows.length }, 'loaded');"] },
  },
  {
    id: 'bunyan', category: 'log', vendor: 'bunyan', package: 'bunyan', api: 'logger.info',
    modules: ['bunyan'], paths: [`{default,createLogger}.createLogger().${LEVELS}`, `createLogger().${LEVELS}`], chainable: ['child'],
    examples: { match: ["const bunyan = require('bunyan');\nconst log = bunyan.createLogger({ name: 'app' });\nlog.info(patient.phone);"], noMatch: ["const bunyan = require('bunyan');\nconst log = bunyan.createLogger({ name: 'app' });\nlog.info('up');"] },
  },
  {
    id: 'log4js', category: 'log', vendor: 'log4js', package: 'log4js', api: 'logger.info',
    modules: ['log4js'], paths: [`{default,getLogger}.getLogger().${LEVELS}`, `getLogger().${LEVELS}`],
    examples: { match: ["import log4js from 'log4js';\nconst logger = log4js.getLogger();\nlogger.warn(patient.address);"], noMatch: ["import log4js from 'log4js';\nconst logger = log4js.getLogger();\nlogger.warn('slow');"] },
  },
  {
    id: 'loglevel', category: 'log', vendor: 'loglevel', package: 'loglevel', api: 'log.info',
    modules: ['loglevel'], paths: [`default.${LEVELS}`, `default.getLogger().${LEVELS}`, `getLogger().${LEVELS}`],
    examples: { match: ["import log from 'loglevel';\nlog.info(patient.dob);"], noMatch: ["import log from 'loglevel';\nlog.setLevel('info');"] },
  },
  {
    id: 'debug', category: 'log', vendor: 'debug', package: 'debug', api: 'debug()',
    modules: ['debug'], paths: ['default()', 'default().extend()'],
    examples: { match: ["import createDebug from 'debug';\nconst debug = createDebug('app');\ndebug('patient %o', patient);"], noMatch: ["import createDebug from 'debug';\nconst debug = createDebug('app');\ndebug('tick %d', n);"] },
  },
  {
    id: 'consola', category: 'log', vendor: 'consola', package: 'consola', api: 'consola.info',
    modules: ['consola'], paths: [`{default,consola}.${LEVELS}`, `createConsola().${LEVELS}`], chainable: ['withTag', 'create'],
    examples: { match: ["import { consola } from 'consola';\nconsola.info(patient.email);"], noMatch: ["import { consola } from 'consola';\nconsola.info('done');"] },
  },
  {
    id: 'tslog', category: 'log', vendor: 'tslog', package: 'tslog', api: 'logger.info',
    modules: ['tslog'], paths: [`new Logger().${LEVELS}`], chainable: ['getSubLogger'],
    examples: { match: ["import { Logger } from 'tslog';\nconst log = new Logger();\nlog.info(patient.mrn);"], noMatch: ["import { Logger } from 'tslog';\nconst log = new Logger();\nlog.info('ok');"] },
  },
  {
    id: 'nestjs-logger', category: 'log', vendor: 'NestJS', package: '@nestjs/common', api: 'Logger.log',
    modules: ['@nestjs/common'], paths: [`new {Logger,ConsoleLogger}().${LEVELS}`, `Logger.${LEVELS}`],
    examples: { match: ["import { Logger } from '@nestjs/common';\nclass S { private readonly logger = new Logger(S.name);\n  run(p) { this.logger.log(`SSN ${p.ssn}`); } }"], noMatch: ["import { Logger } from '@nestjs/common';\nclass S { private readonly logger = new Logger(S.name);\n  run() { this.logger.log('ran'); } }"] },
  },
  {
    id: 'sentry', category: 'log', vendor: 'Sentry', package: '@sentry/*', api: 'captureException/setUser/setContext',
    modules: ['@sentry/*'], paths: ['{captureException,captureMessage,captureEvent,setUser,setContext,setExtra,setExtras,setTag,setTags,addBreadcrumb}', 'getCurrentScope().{setUser,setContext,setExtra,setExtras,setTag,setTags,addBreadcrumb}', '{withScope,configureScope}.$arg0.{setUser,setContext,setExtra,setExtras,setTag,setTags,addBreadcrumb}'],
    examples: { match: ["import * as Sentry from '@sentry/node';\nSentry.setUser({ email: patient.email });"], noMatch: ["import * as Sentry from '@sentry/node';\nSentry.setTag('region', region);"] },
  },
  {
    id: 'opentelemetry', category: 'log', vendor: 'OpenTelemetry', package: '@opentelemetry/api', api: 'span.setAttribute',
    modules: ['@opentelemetry/api'], paths: ['**.{setAttribute,setAttributes,addEvent,recordException}'],
    examples: { match: ["import { trace } from '@opentelemetry/api';\nconst span = trace.getActiveSpan();\nspan?.setAttribute('patient.mrn', mrn);"], noMatch: ["import { trace } from '@opentelemetry/api';\ntrace.getActiveSpan()?.setAttribute('rows', rows.length);"] },
  },
  {
    // Session replay and front-end monitoring: what they are given is shipped to the vendor with the session.
    id: 'logrocket', category: 'log', vendor: 'LogRocket', package: 'logrocket', api: 'identify/track/log',
    modules: ['logrocket'], paths: ['default.{identify,track,log,info,warn,error,debug,captureMessage,captureException}'],
    examples: { match: ["import LogRocket from 'logrocket';\nLogRocket.identify(user.id, { name: patient.firstName, email: patient.email });"], noMatch: ["import LogRocket from 'logrocket';\nLogRocket.identify(user.id, { plan: 'pro' });"] },
  },
  {
    id: 'datadog-browser', category: 'log', vendor: 'Datadog', package: '@datadog/browser-logs/-rum', api: 'logger.info/addAction/setUser',
    modules: ['@datadog/browser-logs', '@datadog/browser-rum'],
    paths: [`datadogLogs.logger.${LEVELS}`, `datadogLogs.createLogger().${LEVELS}`, 'datadogRum.{addAction,addError,setUser,setUserProperty,setGlobalContextProperty,addFeatureFlagEvaluation}'],
    examples: { match: ["import { datadogLogs } from '@datadog/browser-logs';\ndatadogLogs.logger.info('visit loaded', { mrn: patient.mrn });", "import { datadogRum } from '@datadog/browser-rum';\ndatadogRum.setUser({ id: user.id, name: patient.firstName });"], noMatch: ["import { datadogLogs } from '@datadog/browser-logs';\ndatadogLogs.logger.info('visit loaded', { ms: elapsed });"] },
  },
  {
    id: 'error-trackers', category: 'log', vendor: 'Error tracking', package: 'rollbar/bugsnag/newrelic', api: 'notify/error/noticeError',
    modules: ['rollbar', '@bugsnag/js', '@bugsnag/node', '@bugsnag/browser', 'newrelic'],
    paths: [`new default().${LEVELS}`, 'new default().{critical,log}', 'default.{notify,leaveBreadcrumb,setUser,addMetadata}', 'default.{noticeError,addCustomAttribute,addCustomAttributes,recordCustomEvent,setUserID}'],
    examples: { match: ["import Rollbar from 'rollbar';\nconst rollbar = new Rollbar({ accessToken });\nrollbar.error('lookup failed', { ssn: patient.ssn });", "import newrelic from 'newrelic';\nnewrelic.addCustomAttribute('patientEmail', patient.email);"], noMatch: ["import Rollbar from 'rollbar';\nconst rollbar = new Rollbar({ accessToken });\nrollbar.error('lookup failed', { status });"] },
  },
  {
    id: 'analytics', category: 'log', vendor: 'Product analytics', package: 'segment/posthog/mixpanel/amplitude', api: 'track/identify',
    modules: ['@segment/analytics-node', 'analytics-node', '@segment/analytics-next', 'posthog-node', 'posthog-js', 'mixpanel', 'mixpanel-browser', '@amplitude/analytics-browser', '@amplitude/analytics-node', '@amplitude/analytics-react-native'],
    paths: ['new {default,Analytics,PostHog}().{track,identify,page,group,alias,capture}', '{default,posthog,mixpanel}.{track,identify,capture,register,alias}', 'default.people.set', '{default,Mixpanel}.init().{track,identify}', 'default.init().people.set', '{track,identify,logEvent,setUserId}', 'AnalyticsBrowser.load().{track,identify,page}'],
    examples: { match: ["import posthog from 'posthog-js';\nposthog.identify(user.id, { email: patient.email });"], noMatch: ["import posthog from 'posthog-js';\nposthog.capture('page_view', { path });"] },
  },
];
