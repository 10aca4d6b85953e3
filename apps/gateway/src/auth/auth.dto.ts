import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class LoginRequestDto {
  @ApiProperty({ example: 'teacher@school.example', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  // Never a demo account's password: /docs is published as it is (docs/security.md).
  @ApiProperty({ example: 'correct-Horse-battery-7', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

export class LoginResponseDto {
  @ApiProperty({ example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9…' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer', enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expiresIn!: number;

  @ApiProperty({
    example: '9b2f1c3e-4d5a-4b6c-8d7e-9f0a1b2c3d4e.Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg',
    description:
      'Single use: POST it to /auth/refresh for a new pair; using it twice revokes the login',
  })
  refreshToken!: string;

  @ApiProperty({ example: 1209600, description: 'Seconds until the refresh token expires' })
  refreshExpiresIn!: number;
}

export class RefreshTokenDto {
  @ApiProperty({
    example: '9b2f1c3e-4d5a-4b6c-8d7e-9f0a1b2c3d4e.Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg',
  })
  @IsString()
  @Matches(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/, { message: 'refreshToken is malformed' })
  refreshToken!: string;
}
