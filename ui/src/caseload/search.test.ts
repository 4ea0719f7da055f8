import { describe, expect, it } from 'vitest';
import { bsnOf, fold, nameFilter, nameKey, nameMatches, searchWords } from './search';

const names = [
  { given_name: 'Amira', family_name: 'Haddad' },
  { given_name: 'Sven', family_name: 'Öztürk' },
  { given_name: 'Zoë', family_name: 'Çelik' },
  { given_name: 'Mohammed', family_name: 'Karimi' },
  { given_name: 'Ayşe', family_name: 'Yılmaz' },
];

function found(text: string): string[] {
  const words = searchWords(text);
  return names.filter((n) => nameMatches(nameKey(n), words)).map((n) => n.family_name);
}

describe('caseload search', () => {
  it.each([
    ['had', ['Haddad']],
    ['mira', ['Haddad']],
    ['HADDAD', ['Haddad']],
    ['ozturk', ['Öztürk']],
    ['Öztürk', ['Öztürk']],
    ['zoe celik', ['Çelik']],
    ['amira k', []],
    ['mohammed ka', ['Karimi']],
    ['  Mohammed  ', ['Karimi']],
    ['ka mo', ['Karimi']],
    ['yılmaz', ['Yılmaz']],
    ['ayse', ['Yılmaz']],
    ['a', ['Haddad', 'Karimi', 'Yılmaz']],
    ['zzz', []],
    ['12', []],
  ])('%j finds %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('matches within a name, not across given and family name', () => {
    expect(found('amirahaddad')).toEqual([]);
    expect(found('ra ha')).toEqual(['Haddad']);
  });

  it('folds case and accents', () => {
    expect(fold('Çelik Öztürk Zoë')).toBe('celik ozturk zoe');
  });

  it.each([
    ['123456782', '123456782'],
    ['12345678', '12345678'],
    ['1234.56.782', '123456782'],
    ['123 456 782', '123456782'],
    ['1234567', null],
    ['1234567890', null],
    ['12345678a', null],
    ['Haddad', null],
  ])('%j is the BSN %j', (text, expected) => {
    expect(bsnOf(text)).toBe(expected);
  });

  it('has no words for a blank text', () => {
    expect(searchWords('   ')).toEqual([]);
  });
});

describe('name filter', () => {
  /** The filter over `names`, and how many name keys it has read since the last call. */
  function counted(): { filter: (text: string) => string[]; reads: () => number } {
    const keys = names.map(nameKey);
    let reads = 0;
    const watched = new Proxy(keys, {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
        return Reflect.get(target, prop, receiver);
      },
    });
    const byName = nameFilter(names, watched);
    return {
      filter: (text) => byName(searchWords(text)).map((n) => n.family_name),
      reads: () => {
        const n = reads;
        reads = 0;
        return n;
      },
    };
  }

  it('finds what a search of every name finds, typing on, deleting and starting again', () => {
    const { filter } = counted();
    const texts = [
      ...['m', 'mo', 'moh', 'mohammed', 'mohammed k', 'mohammed ka', 'mohammed k', 'mo', 'm', ''],
      ...['a', 'ay', 'ayse', 'ay', 'ka mo', 'zzz', 'a', 'ra ha'],
    ];
    for (const text of texts) {
      expect(filter(text), text).toEqual(found(text));
    }
  });

  it('looks only at the names the text typed so far matched, and not again at a text it found', () => {
    const { filter, reads } = counted();
    expect(filter('a')).toEqual(['Haddad', 'Karimi', 'Yılmaz']);
    expect(reads()).toBe(5);
    expect(filter('ay')).toEqual(['Yılmaz']);
    expect(reads()).toBe(3);
    expect(filter('ays')).toEqual(['Yılmaz']);
    expect(reads()).toBe(1);
    // Deleting: found before.
    expect(filter('a')).toEqual(['Haddad', 'Karimi', 'Yılmaz']);
    expect(reads()).toBe(0);
    // Another word narrows too; a text that is no continuation looks at every name.
    expect(filter('a ka')).toEqual(['Karimi']);
    expect(reads()).toBe(3);
    expect(filter('z')).toEqual(['Öztürk', 'Çelik', 'Yılmaz']);
    expect(reads()).toBe(5);
  });

  it('stays right when it forgets what it found', () => {
    const { filter } = counted();
    for (let i = 0; i < 200; i++) filter(`a${'x'.repeat(i % 70)}`);
    expect(filter('am')).toEqual(found('am'));
    expect(filter('a')).toEqual(found('a'));
  });

  it('gives every row for a blank text', () => {
    expect(counted().filter('  ')).toEqual(names.map((n) => n.family_name));
  });
});
