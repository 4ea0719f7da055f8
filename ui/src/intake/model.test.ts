import { describe, expect, it } from 'vitest';
import { formatAnswer, fromDraft, problems, visibleSections } from './model';
import { QUESTIONNAIRE, intakeView } from '../test/intake';

const [gesprek, kinderen] = QUESTIONNAIRE.groups;
const q = (id: string) => QUESTIONNAIRE.groups.flatMap((g) => g.questions).find((x) => x.id === id)!;

describe('intake model', () => {
  it('formats answers in Dutch', () => {
    expect(formatAnswer(q('tolk_gebruikt'), true)).toBe('Ja');
    expect(formatAnswer(q('tolk_gebruikt'), false)).toBe('Nee');
    expect(formatAnswer(q('vervoer'), 'ov')).toBe('Openbaar vervoer');
    expect(formatAnswer(q('kind_geboortedatum'), '2018-01-31')).toBe('31-01-2018');
    expect(formatAnswer(q('kind_leeftijd'), 7.5)).toBe('7,5');
    expect(formatAnswer(q('tolk_taal'), null)).toBe('—');
    expect(formatAnswer({ ...q('vervoer'), type: 'multiple_choice' }, ['fiets', 'ov'])).toBe('Fiets, Openbaar vervoer');
    expect(formatAnswer({ ...q('kind_leeftijd'), type: 'scale', max: 5 }, 4)).toBe('4 van 5');
  });

  it('turns typed drafts into answers', () => {
    expect(fromDraft(q('tolk_taal'), '  ')).toBeNull();
    expect(fromDraft(q('tolk_taal'), 'Arabisch')).toBe('Arabisch');
    expect(fromDraft({ ...q('tolk_taal'), type: 'number' }, '7,5')).toBe(7.5);
    expect(fromDraft({ ...q('tolk_taal'), type: 'number' }, 'zeven')).toBeUndefined();
  });

  it('lists visible sections and problems with repeat labels', () => {
    const view = intakeView({
      answers: [{ question_id: 'tolk_gebruikt', instance: 0, value: true }],
      children: [1, 3],
      errors: { kind_geboortedatum: 'Ligt in de toekomst' },
    });
    expect(visibleSections(view).map((s) => s.group.id)).toEqual([gesprek.id, kinderen.id]);
    expect(problems(view).map((p) => [p.kind, p.groupTitle, p.instanceLabel, p.text, p.message])).toEqual([
      ['missing', 'Het gesprek', null, 'In welke taal?', null],
      ['missing', 'Kinderen', 'Kind 1', 'Voornaam', null],
      ['missing', 'Kinderen', 'Kind 2', 'Voornaam', null],
      ['error', 'Kinderen', 'Kind 1', 'Geboortedatum', 'Ligt in de toekomst'],
      ['error', 'Kinderen', 'Kind 2', 'Geboortedatum', 'Ligt in de toekomst'],
    ]);
  });
});
