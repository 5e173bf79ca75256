import { ageRecognizer } from './age';
import { creditCardRecognizer } from './creditCard';
import { dataUriRecognizer } from './dataUri';
import { dateRecognizer } from './date';
import { emailRecognizer } from './email';
import { ipAddressRecognizer } from './ipAddress';
import { labelledIdentifierRecognizer } from './labelledIdentifier';
import { longNumberRecognizer } from './longNumber';
import { mbiRecognizer } from './mbi';
import { npiRecognizer } from './npi';
import { personNameRecognizer } from './personName';
import { phoneRecognizer } from './phone';
import type { Recognizer } from './recognizer';
import { ssnRecognizer } from './ssn';
import { streetAddressRecognizer } from './streetAddress';
import { urlRecognizer } from './url';
import { vinRecognizer } from './vin';
import { zipCodeRecognizer } from './zipCode';

/** Every built-in recognizer, as free-text scrubbing uses them by default. */
export const DEFAULT_RECOGNIZERS: readonly Recognizer[] = [
  dataUriRecognizer,
  ssnRecognizer,
  creditCardRecognizer,
  npiRecognizer,
  mbiRecognizer,
  vinRecognizer,
  emailRecognizer,
  urlRecognizer,
  labelledIdentifierRecognizer,
  ipAddressRecognizer,
  ageRecognizer,
  dateRecognizer,
  zipCodeRecognizer,
  phoneRecognizer,
  streetAddressRecognizer,
  personNameRecognizer,
  longNumberRecognizer,
];
