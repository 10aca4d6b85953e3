import { SCHOOL_STAGES } from '@app/contracts';
import { loadConfig } from '@app/config';
import { QuotasConfig } from './config.js';

describe('QuotasConfig DEFAULT_FILM_RULE_STAGES', () => {
  it('covers every school stage by default, special education included', () => {
    const config = loadConfig(QuotasConfig, {});
    expect(config.DEFAULT_FILM_RULE_STAGES).toEqual([...SCHOOL_STAGES]);
    expect(config.DEFAULT_FILM_RULE_STAGES).toContain('special_education');
  });

  it('reads a comma-separated list of known stages', () => {
    const config = loadConfig(QuotasConfig, {
      DEFAULT_FILM_RULE_STAGES: 'primary, special_education,primary',
    });
    expect(config.DEFAULT_FILM_RULE_STAGES).toEqual(['primary', 'special_education']);
  });

  it('refuses an unknown stage and an empty list at boot', () => {
    expect(() =>
      loadConfig(QuotasConfig, { DEFAULT_FILM_RULE_STAGES: 'primary,kindergarten' }),
    ).toThrow(/DEFAULT_FILM_RULE_STAGES/);
    expect(() => loadConfig(QuotasConfig, { DEFAULT_FILM_RULE_STAGES: ' , ' })).toThrow(
      /DEFAULT_FILM_RULE_STAGES/,
    );
  });
});
