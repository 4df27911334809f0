// The free-text redaction of 注销: what identifies the person goes, the rest of the text stays.
import { REDACTED, identifyingStrings, namesPerson, redact } from '../../../cloudfunctions/common/domain/withdrawal-redaction';

const secrets = identifyingStrings({ realName: '张伟', phone: '13912340001', idNumber: '62010219880808501X' });

it('replaces the name, the phone and the ID number wherever they occur, keeping the rest', () => {
  expect(redact('补录张伟的签到，张伟电话13912340001', secrets)).toBe(`补录${REDACTED}的签到，${REDACTED}电话${REDACTED}`);
  expect(redact('身份证62010219880808501x有误', secrets)).toBe(`身份证${REDACTED}有误`);
  expect(redact('现场网络故障', secrets)).toBe('现场网络故障');
});

it('a one-character or missing value identifies nobody; longer strings go first', () => {
  expect(identifyingStrings({ realName: '张', phone: undefined })).toEqual([]);
  expect(secrets[0]).toBe('62010219880808501X');
});

it('namesPerson says whether a write-back is needed', () => {
  expect(namesPerson(['现场网络故障', undefined], secrets)).toBe(false);
  expect(namesPerson(['现场网络故障', '张伟迟到'], secrets)).toBe(true);
});
