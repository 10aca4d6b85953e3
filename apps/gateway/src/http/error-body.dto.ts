import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The body of every error response. */
export class ErrorBodyDto {
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable code a client can act on' })
  code!: string;

  @ApiProperty({ example: 'Invalid fields: email' })
  message!: string;

  @ApiPropertyOptional({
    example: { fields: [{ field: 'email', errors: ['email must be an email'] }] },
  })
  details?: unknown;

  @ApiPropertyOptional({
    example: '6f1c…',
    description: 'On 500s: the id under which the error was logged',
  })
  errorId?: string;

  @ApiProperty({ example: '0b6f8a8e-3c8e-4a57-9a55-1f0e7b0c2d11' })
  requestId!: string;
}
