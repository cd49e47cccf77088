import { checkFileType } from '../../../shared/attachments/fileTypes';
import { safeFileName, uniqueFileName } from '../../../shared/attachments/fileNames';
import { parseDecisionReferences } from '../../../shared/domain';

const zip = (...names: string[]): Buffer => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), ...names.map((n) => Buffer.from(n))]);

describe('what a document is, by its name and its first bytes', () => {
  it.each([
    ['dpia.pdf', Buffer.from('%PDF-1.7\n...')],
    ['contract.docx', zip('[Content_Types].xml', 'word/document.xml')],
    ['costs.xlsx', zip('[Content_Types].xml', 'xl/workbook.xml')],
    ['briefing.pptx', zip('[Content_Types].xml', 'ppt/presentation.xml')],
    ['old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])],
    ['diagram.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])],
    ['photo.JPG', Buffer.from([0xff, 0xd8, 0xff, 0xe0])],
    ['notes.txt', Buffer.from('Plain notes, with “quotes”.')],
    ['answers.csv', Buffer.from('a,b\n1,2\n')],
  ])('takes %s', (name, bytes) => {
    expect(checkFileType(name, bytes).ok).toBe(true);
  });

  it('refuses programs whatever they are called, names it does not take, and content that is not what the name says', () => {
    expect(checkFileType('setup.exe', Buffer.from('%PDF-1.7'))).toEqual({ ok: false, problem: 'type-by-name' });
    expect(checkFileType('macro.docm', zip('[Content_Types].xml', 'word/'))).toEqual({ ok: false, problem: 'type-by-name' });
    expect(checkFileType('report.pdf', Buffer.from([0x4d, 0x5a, 0x90, 0]))).toEqual({ ok: false, problem: 'program' });
    expect(checkFileType('notes.txt', Buffer.from('\x7fELF....'))).toEqual({ ok: false, problem: 'program' });
    expect(checkFileType('run.csv', Buffer.from('#!/bin/sh\nrm -rf /'))).toEqual({ ok: false, problem: 'program' });
    expect(checkFileType('costs.xlsx', zip('[Content_Types].xml', 'word/document.xml'))).toEqual({ ok: false, problem: 'content-mismatch' });
    expect(checkFileType('notes.txt', Buffer.from([0x41, 0x00, 0x42]))).toEqual({ ok: false, problem: 'content-mismatch' });
    expect(checkFileType('noextension', Buffer.from('%PDF-1.7'))).toEqual({ ok: false, problem: 'type-by-name' });
  });

  it('makes names SharePoint takes, close to the one given, and keeps a second file of a name apart', () => {
    expect(safeFileName('C:\\Users\\sam\\DPIA: v2?.pdf')).toBe('DPIA- v2-.pdf');
    expect(safeFileName('CON.pdf')).toBe('file-CON.pdf');
    expect(safeFileName('~$draft.docx')).toBe('draft.docx');
    expect(safeFileName('.pdf')).toBe('');
    expect(safeFileName(`${'a'.repeat(300)}.pdf`)).toHaveLength(128);
    expect(uniqueFileName('DPIA.pdf', ['dpia.pdf', 'DPIA (2).pdf'])).toBe('DPIA (3).pdf');
  });
});

describe('references recorded with a decision', () => {
  const at = '2026-12-01T10:00:00.000Z';
  it('needs each of the step’s references to approve, checks their form, and refuses a DTAC with an area not met', () => {
    expect(parseDecisionReferences('RESEARCH', 'approved', { irasNumber: 'IRAS 1' }, at)).toEqual({
      ok: false,
      errors: [
        { field: 'irasNumber', message: 'give the IRAS number: 4 to 7 digits, for example 312345' },
        { field: 'ethicsCommitteeReference', message: expect.stringContaining('give the Research Ethics Committee reference') },
      ],
    });
    expect(parseDecisionReferences('RESEARCH', 'approved', { irasNumber: '312345', ethicsCommitteeReference: '24/lo/0123' }, at)).toEqual({ ok: true, references: { irasNumber: '312345', ethicsCommitteeReference: '24/LO/0123' } });
    const dtac = { dtacReference: 'D-1', dtacDate: '2026-11-30', dtacClinicalSafety: 'met', dtacDataProtection: 'met', dtacTechnicalSecurity: 'met', dtacInteroperability: 'not-met', dtacUsabilityAccessibility: 'met' };
    expect(parseDecisionReferences('DTAC', 'approved', dtac, at)).toEqual({ ok: false, errors: [{ field: 'dtacInteroperability', message: expect.stringContaining('every area is met') }] });
    expect(parseDecisionReferences('DTAC', 'rejected', dtac, at).ok).toBe(true);
    expect(parseDecisionReferences('DTAC', 'approved', { ...dtac, dtacInteroperability: 'met', dtacDate: '2026-02-30' }, at)).toEqual({ ok: false, errors: [{ field: 'dtacDate', message: 'give a real date for the DTAC assessment' }] });
    expect(parseDecisionReferences('DTAC', 'approved', { ...dtac, dtacInteroperability: 'met', dtacDate: '2026-12-02' }, at)).toEqual({ ok: false, errors: [{ field: 'dtacDate', message: 'the DTAC assessment date cannot be in the future' }] });
  });

  it('asks nothing of other steps, and nothing when not approving unless given', () => {
    expect(parseDecisionReferences('FINANCE', 'approved', { dpiaReference: 'x' }, at)).toEqual({ ok: true, references: {} });
    expect(parseDecisionReferences('DPIA', 'more-information', {}, at)).toEqual({ ok: true, references: {} });
    expect(parseDecisionReferences('DPIA', 'approved', {}, at)).toEqual({ ok: false, errors: [{ field: 'dpiaReference', message: 'give the DPIA reference' }] });
  });
});
