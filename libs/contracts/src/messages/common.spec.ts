import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreateFilmCommand } from '../screenings/messages.js';

const film = {
  title: '闪闪的红星',
  year: 1974,
  runningMinutes: 95,
  grades: [3, 4],
  synopsis: '少年潘冬子的成长。',
  language: '普通话',
  subtitles: true,
  audioDescription: false,
};
const actor = {
  accountId: '0b6f8a8e-3c8e-4a57-9a55-1f0e7b0c2d11',
  role: 'platform_admin',
  organisationId: null,
};

describe('ActorMessage', () => {
  const problemsOf = (payload: object) =>
    validateSync(plainToInstance(CreateFilmCommand, payload)).map((error) => error.property);

  it('refuses a command that names no actor: a service acts for someone or not at all', () => {
    expect(problemsOf(film)).toEqual(['actor']);
    expect(problemsOf({ ...film, actor: null })).toEqual(['actor']);
  });

  it('takes the same command with the actor the gateway sets', () => {
    expect(problemsOf({ ...film, actor })).toEqual([]);
    expect(problemsOf({ ...film, actor: { ...actor, role: 'nobody' } })).toEqual(['actor']);
  });
});
