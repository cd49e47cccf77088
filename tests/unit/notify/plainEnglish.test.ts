import { plainEnglishProblems, unexplainedAbbreviations } from '../../support/plainEnglish';

describe('the plain-English check used by the template tests', () => {
  it('accepts an abbreviation introduced by its full name, and later uses of it', () => {
    expect(unexplainedAbbreviations('A Data Protection Impact Assessment (DPIA) is needed. The DPIA is ready.')).toEqual([]);
    expect(unexplainedAbbreviations('The Clinical Safety Officer (CSO) decides.')).toEqual([]);
  });

  it('flags an abbreviation used before or without its full name', () => {
    expect(unexplainedAbbreviations('The DPIA is ready.')).toEqual(['DPIA']);
    expect(unexplainedAbbreviations('Ask the CSO. The Clinical Safety Officer (CSO) decides.')).toEqual(['CSO']);
    expect(unexplainedAbbreviations('A new tool (AI) is here.')).toEqual(['AI']);
  });

  it('ignores capitals inside links', () => {
    expect(unexplainedAbbreviations('Open https://example.org/ABC?token=XYZ now')).toEqual([]);
  });

  it('flags the section sign and the ampersand, which people do not read as words', () => {
    expect(plainEnglishProblems('See §5 Finance & Procurement.')).toEqual(['"§" in "See §5 Finance & Procurement."', '"&" in "See §5 Finance & Procurement."']);
    expect(plainEnglishProblems('See the AI Policy, section 5: Finance and Procurement.')).toEqual(['AI not spelled out']);
    expect(plainEnglishProblems('The artificial intelligence (AI) Policy, section 5: Finance and Procurement.')).toEqual([]);
  });
});
