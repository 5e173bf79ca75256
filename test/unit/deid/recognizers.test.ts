import * as assert from 'assert';
import { scrubText } from '../../../src/deid';
import { passesLuhn, passesVinCheck } from '../../../src/deid/recognizers/checksums';
import { isValidIpv4, isValidIpv6 } from '../../../src/deid/recognizers/ipAddress';
import { isValidSsn } from '../../../src/deid/recognizers/ssn';

const now = new Date('2026-11-28T12:00:00Z');
const scrub = (text: string) => scrubText(text, { now });

describe('deid recognizers', () => {
  describe('SSN', () => {
    it('removes valid SSNs with dashes, spaces or none', () => {
      assert.strictEqual(scrub('SSN 123-45-6789.'), 'SSN [REDACTED:ssn].');
      assert.strictEqual(scrub('ssn 123 45 6789'), 'ssn [REDACTED:ssn]');
      assert.strictEqual(scrub('id 123456789 on file'), 'id [REDACTED:ssn] on file');
    });
    it('applies the SSA area/group/serial rules', () => {
      assert.ok(isValidSsn('123', '45', '6789'));
      for (const [a, g, s] of [['000', '12', '3456'], ['666', '12', '3456'], ['912', '12', '3456'], ['123', '00', '4567'], ['123', '45', '0000']] as const) {
        assert.ok(!isValidSsn(a, g, s), `${a}-${g}-${s}`);
      }
      assert.strictEqual(scrub('ref 666-12-3456'), 'ref 666-12-3456');
    });
    it('leaves a code after its code system\'s name (SNOMED, NDC …), but not an SSN after some other code', () => {
      assert.strictEqual(scrub('SNOMED 195967001 asthma; SNOMED CT: 195967001, 73211009; SCT 44054006'), 'SNOMED 195967001 asthma; SNOMED CT: 195967001, 73211009; SCT 44054006');
      assert.strictEqual(scrub('NDC 00071015523, NDC: 0071-0155-23, RxNorm 1049502, LOINC 4548-4'), 'NDC 00071015523, NDC: 0071-0155-23, RxNorm 1049502, LOINC 4548-4');
      assert.strictEqual(scrub('SNOMED 1234, SSN 123-45-6789; id 195967001; ssn 195967001 ml'), 'SNOMED 1234, SSN [REDACTED:ssn]; id [REDACTED:ssn]; ssn [REDACTED:ssn] ml');
    });
  });

  describe('phone and fax', () => {
    it('removes NANP numbers in the usual shapes', () => {
      for (const phone of ['(617) 555-0123', '617-555-0123', '617.555.0123', '+1 617 555 0123', '1-617-555-0123', '6175550123', '617-555-0123 ext. 42']) {
        assert.strictEqual(scrub(`call ${phone} today`), 'call [REDACTED:phone] today', phone);
      }
    });
    it('calls a number a fax when "fax" precedes it', () => {
      assert.strictEqual(scrub('Fax: 617-555-0199'), 'Fax: [REDACTED:fax]');
    });
    it('removes international numbers written with +', () => {
      assert.strictEqual(scrub('UK +44 20 7946 0958'), 'UK [REDACTED:phone]');
    });
    it('does not treat a dose range before its unit as a phone', () => {
      assert.strictEqual(scrub('Titrate 200-400-1200 mg; call 617-555-0123.'), 'Titrate 200-400-1200 mg; call [REDACTED:phone].');
    });
    it('does not treat blood pressure, doses or N11 service numbers as phones', () => {
      assert.strictEqual(scrub('BP 120/80, metformin 500 mg, call 311-555-0123'), 'BP 120/80, metformin 500 mg, call 311-555-0123');
    });
  });

  describe('email and URL', () => {
    it('removes email addresses, including plus and dotted local parts', () => {
      assert.strictEqual(scrub('mail jo.ann+clinic@mail.example.co.uk.'), 'mail [REDACTED:email].');
    });
    it('does not call a handle or a bare @ an email', () => {
      assert.strictEqual(scrub('@maria and a@b'), '@maria and a@b');
    });
    it('removes URLs without their trailing punctuation', () => {
      assert.strictEqual(scrub('see https://example.org/u/42?x=1). Or www.example.org.'), 'see [REDACTED:url]). Or [REDACTED:url].');
    });
  });

  describe('IP addresses', () => {
    it('removes IPv4 and IPv6 and validates them', () => {
      assert.strictEqual(scrub('from 192.168.1.20 and 2001:db8::8a2e:370:7334 and ::1'), 'from [REDACTED:ip] and [REDACTED:ip] and [REDACTED:ip]');
      assert.ok(!isValidIpv4('256.1.1.1'));
      assert.ok(!isValidIpv6('1::2::3'));
      assert.ok(!isValidIpv6('1:2:3'));
      assert.ok(isValidIpv6('::ffff:192.0.2.1'));
      assert.strictEqual(scrub('at 10:30:45 version 1.2.3'), 'at 10:30:45 version 1.2.3');
    });
  });

  describe('labelled identifiers', () => {
    it('uses the label to choose the category', () => {
      assert.strictEqual(scrub('MRN: 00123456'), 'MRN: [REDACTED:mrn]');
      assert.strictEqual(scrub('Member ID W1234X'), 'Member ID [REDACTED:health-plan]');
      assert.strictEqual(scrub('acct # 7781-22'), 'acct # [REDACTED:account]');
      assert.strictEqual(scrub("driver's license D1234"), "driver's license [REDACTED:license]");
      assert.strictEqual(scrub('plate 7ABC123'), 'plate [REDACTED:vehicle]');
      assert.strictEqual(scrub('pacemaker serial no. PM4471'), 'pacemaker serial no. [REDACTED:device]');
      assert.strictEqual(scrub('claim number C-2231'), 'claim number [REDACTED:other-id]');
    });
    it('takes a value written right after a label ending in #', () => {
      assert.strictEqual(scrub('Member #W12345, Policy #AB-1234'), 'Member #[REDACTED:health-plan], Policy #[REDACTED:health-plan]');
      assert.strictEqual(scrub('Chart #5521; Claim #C-99; Medicaid #AB12345C'), 'Chart #[REDACTED:mrn]; Claim #[REDACTED:other-id]; Medicaid #[REDACTED:health-plan]');
      assert.strictEqual(scrub('Policy #AB'), 'Policy #AB');
    });
    it('needs a digit in the value', () => {
      assert.strictEqual(scrub('account closed'), 'account closed');
    });
  });

  describe('dates', () => {
    it('keeps only the year, in common formats', () => {
      const cases: ReadonlyArray<readonly [string, string]> = [
        ['2024-03-05', '2024'], ['2024-03-05T10:30:00Z', '2024'], ['03/05/2024', '2024'], ['3-5-24', '2024'], ['05.03.2024', '2024'],
        ['March 5, 2024', '2024'], ['Mar 5th 2024', '2024'], ['5 March 2024', '2024'], ['5th of March, 2024', '2024'], ['March 2024', '2024'],
        ['2024-03', '2024'], ['31/12/1999', '1999'],
      ];
      for (const [date, year] of cases) assert.strictEqual(scrub(`seen ${date} in clinic`), `seen ${year} in clinic`, date);
    });
    it('removes a day and month without a year', () => {
      assert.strictEqual(scrub('follow up on March 5.'), 'follow up on [REDACTED:date].');
      assert.strictEqual(scrub('you may 5 times'), 'you may 5 times');
    });
    it('leaves impossible dates and fractions', () => {
      assert.strictEqual(scrub('02/30/2024 and 13/13/2024 and 1/2'), '02/30/2024 and 13/13/2024 and 1/2');
    });
    it('turns a birth date of someone 90 or older into 90+', () => {
      assert.strictEqual(scrub('DOB: 01/02/1930'), 'DOB: 90+');
      assert.strictEqual(scrub('born on March 5, 1960'), 'born on 1960');
    });
    it('keeps only the year of EHR export formats: 05-MAR-2024, 5-Mar-24, 05MAR2024, 2024.03.05, Mar-05-2024', () => {
      assert.strictEqual(scrub('seen 05-MAR-2024, 5-Mar-2024 and 5-Mar-24; labs 05MAR2024'), 'seen 2024, 2024 and 2024; labs 2024');
      assert.strictEqual(scrub('scan 2024.03.05. Next Mar-05-2024 or Mar/05/2024.'), 'scan 2024. Next 2024 or 2024.');
      assert.strictEqual(scrub('DOB 02-JAN-1931; DOB: 02-Jan-31; DOB 1931.01.02'), 'DOB 90+; DOB: 90+; DOB 90+');
      assert.strictEqual(scrub('2024.13.05, v1.2.3, 10-Mar-2024x'), '2024.13.05, v1.2.3, 10-Mar-2024x');
    });
    it('removes a numeric month and day without a year only after a date cue (12/25 alone may be a fraction)', () => {
      assert.strictEqual(scrub('admitted 12/25, DOS: 3/14, seen on 2/29, d/c\'d 1/3'), 'admitted [REDACTED:date], DOS: [REDACTED:date], seen on [REDACTED:date], d/c\'d [REDACTED:date]');
      assert.strictEqual(scrub('took 1/2 tab, ratio 12/25, BP 120/80, since 2/30'), 'took 1/2 tab, ratio 12/25, BP 120/80, since 2/30');
    });
    it('turns a birth year alone into 90+ when it shows an age of 90 or more, relative to now', () => {
      assert.strictEqual(scrub('born in 1931; DOB 1930; year of birth: 1931; YOB 1931, birth year 1929.'), 'born in 90+; DOB 90+; year of birth: 90+; YOB 90+, birth year 90+.');
      assert.strictEqual(scrub('born in 1950, admitted in 1931'), 'born in 1950, admitted in 1931');
      assert.strictEqual(scrubText('born in 1931', { now: new Date('2020-01-01') }), 'born in 1931');
    });
  });

  describe('ages', () => {
    it('aggregates ages over 89 and keeps younger ones', () => {
      assert.strictEqual(scrub('a 93-year-old man, 94 y/o, age: 101; his son is 64 years old'), 'a 90+-year-old man, 90+ y/o, age: 90+; his son is 64 years old');
    });
    it('leaves an age already generalised to 90+ as it is', () => {
      assert.strictEqual(scrub('age: 90+, aged 90+, Age: 90+ years, a 90+-year-old'), 'age: 90+, aged 90+, Age: 90+ years, a 90+-year-old');
    });
    it('removes a day and month followed by a number or a time', () => {
      assert.strictEqual(scrub('seen March 5 10:30, started Mar 5, 10 mg'), 'seen [REDACTED:date] 10:30, started [REDACTED:date], 10 mg');
    });
  });

  describe('ZIP codes', () => {
    it('reduces a ZIP after a state or a label, and leaves bare five-digit numbers', () => {
      assert.strictEqual(scrub('Boston, MA 02139-4307'), 'Boston, MA 021');
      assert.strictEqual(scrub('Zip code: 03601'), 'Zip code: 000');
      assert.strictEqual(scrub('LOINC 85354-9, 12345 units'), 'LOINC 85354-9, 12345 units');
    });
  });

  describe('street addresses', () => {
    it('removes a street address with its unit and city, keeping the state', () => {
      assert.strictEqual(scrub('Lives at 42 West Oak Street, Apt 4B, Springfield, IL 62704.'), 'Lives at [REDACTED:geographic], IL 627.');
      assert.strictEqual(scrub('PO Box 123'), '[REDACTED:geographic]');
    });
    it('does not take lowercase phrases for addresses', () => {
      assert.strictEqual(scrub('walked 2 miles each way'), 'walked 2 miles each way');
    });
  });

  describe('card numbers, NPI, MBI, VIN', () => {
    it('removes Luhn-valid card numbers only', () => {
      assert.ok(passesLuhn('4111111111111111'));
      assert.strictEqual(scrub('card 4111 1111 1111 1111'), 'card [REDACTED:account]');
      assert.strictEqual(scrub('lot 4111 1111 1111 1112'), 'lot 4111 1111 1111 1112');
    });
    it('removes NPIs whose check digit is valid', () => {
      assert.strictEqual(scrub('NPI 1234567893'), 'NPI [REDACTED:license]');
    });
    it('removes Medicare MBIs in the CMS format', () => {
      assert.strictEqual(scrub('MBI 1EG4-TE5-MK73 ok'), 'MBI [REDACTED:health-plan] ok');
      assert.strictEqual(scrub('code 1SG4TE5MK73'), 'code 1SG4TE5MK73', 'S is not an MBI letter');
    });
    it('removes VINs whose check digit is valid', () => {
      assert.ok(passesVinCheck('1HGCM82633A004352'));
      assert.ok(!passesVinCheck('1HGCM82643A004352'));
      assert.strictEqual(scrub('car 1HGCM82633A004352'), 'car [REDACTED:vehicle]');
    });
  });

  describe('names', () => {
    it('removes names that follow a title or a label', () => {
      assert.strictEqual(scrub('Seen by Dr. Jane Doe.'), 'Seen by Dr. [REDACTED:name].');
      assert.strictEqual(scrub('Patient: John Q. Public'), 'Patient: [REDACTED:name]');
      assert.strictEqual(scrub('Patient John Smith presents with cough'), 'Patient [REDACTED:name] presents with cough');
      assert.strictEqual(scrub('Mother: Ana Ruiz; Pt John Smith, 45'), 'Mother: [REDACTED:name]; Pt [REDACTED:name], 45');
    });
    it('removes whole names with accents, inner capitals, apostrophes, hyphens and particles', () => {
      assert.strictEqual(scrub('Dr. José García'), 'Dr. [REDACTED:name]');
      assert.strictEqual(scrub('Dr. McDonald and Dr. MacArthur-Lee'), 'Dr. [REDACTED:name] and Dr. [REDACTED:name]');
      assert.strictEqual(scrub("Mrs. O'Brien, Mrs. Núñez"), 'Mrs. [REDACTED:name], Mrs. [REDACTED:name]');
      assert.strictEqual(scrub("Patient: Mary O'Neil"), 'Patient: [REDACTED:name]');
      assert.strictEqual(scrub('Seen by Dr. García de la Cruz today'), 'Seen by Dr. [REDACTED:name] today');
      // An accent typed as a combining mark (NFD) is part of the word.
      assert.strictEqual(scrub('Dr. Jose\u0301 Garci\u0301a'), 'Dr. [REDACTED:name]');
    });
    it('never ends a name inside a word: no match beats half a name', () => {
      assert.strictEqual(scrub("Dr. Smith's office"), "Dr. [REDACTED:name]'s office");
      assert.strictEqual(scrub('Dr. McDONALD'), 'Dr. McDONALD');
    });
    it('does not catch names without a cue (documented limit)', () => {
      assert.strictEqual(scrub('John Smith presents with cough'), 'John Smith presents with cough');
    });
  });

  describe('photos and other numbers', () => {
    it('removes inline images and long reference numbers', () => {
      assert.strictEqual(scrub('img data:image/png;base64,iVBORw0KGgo= end'), 'img [REDACTED:photo] end');
      assert.strictEqual(scrub('ref 88123456 and A123456'), 'ref [REDACTED:other-id] and [REDACTED:other-id]');
      assert.strictEqual(scrub('glucose 123456 is not a number here? 5.5 mmol'), 'glucose 123456 is not a number here? 5.5 mmol');
      assert.strictEqual(scrub('heparin 1000000 units, SNOMED 44054006, NDC 00071015523; ref 88123456'), 'heparin 1000000 units, SNOMED 44054006, NDC 00071015523; ref [REDACTED:other-id]');
    });
  });
});
