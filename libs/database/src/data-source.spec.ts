import { redactUrl, urlAs } from './data-source.js';

describe('MySQL URLs', () => {
  it('never shows a password in a message', () => {
    expect(redactUrl('mysql://root:s3cr3t@db:3306')).toBe('mysql://root:***@db:3306');
    expect(redactUrl('mysql://root@127.0.0.1:3306')).toBe('mysql://root@127.0.0.1:3306');
    expect(redactUrl('mysql://u:p%40ss@h:1/x')).toBe('mysql://u:***@h:1/x');
  });

  it("puts a service's own user in the admin URL's server", () => {
    expect(urlAs('mysql://root@127.0.0.1:3306', 'studentpass_venues', 'pw-1')).toBe(
      'mysql://studentpass_venues:pw-1@127.0.0.1:3306',
    );
  });
});
