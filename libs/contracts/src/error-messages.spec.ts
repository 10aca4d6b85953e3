import { ErrorCatalog } from './errors.js';
import { errorLanguageOf, errorMessageOf, ErrorMessages } from './error-messages.js';

describe('error messages', () => {
  it('tells every code of the catalogue in Chinese and in English', () => {
    for (const code of Object.keys(ErrorCatalog)) {
      expect({ code, zh: errorMessageOf(code, 'zh-CN') }).toEqual({
        code,
        zh: expect.stringMatching(/[\u4e00-\u9fff]/),
      });
      expect({ code, en: errorMessageOf(code, 'en') }).toEqual({
        code,
        en: expect.stringMatching(/^[A-Z][^\u4e00-\u9fff]+$/),
      });
    }
    expect(Object.keys(ErrorMessages).sort()).toEqual(Object.keys(ErrorCatalog).sort());
  });

  it('chooses the language of Accept-Language by quality, Chinese by default', () => {
    expect(errorLanguageOf(undefined)).toBe('zh-CN');
    expect(errorLanguageOf('')).toBe('zh-CN');
    expect(errorLanguageOf('en')).toBe('en');
    expect(errorLanguageOf('en-US,en;q=0.9')).toBe('en');
    expect(errorLanguageOf('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(errorLanguageOf('zh;q=0.3, en;q=0.7')).toBe('en');
    expect(errorLanguageOf('fr, de;q=0.5')).toBe('zh-CN');
    expect(errorLanguageOf('fr, en;q=0.1')).toBe('en');
    expect(errorLanguageOf('en;q=0, zh-TW')).toBe('zh-CN');
    expect(errorMessageOf('NO_SUCH_CODE', 'en')).toBeUndefined();
  });
});
