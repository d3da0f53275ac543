import { createHmac } from 'node:crypto';

/**
 * Keyed hashes of (subject, user): one answer and one dismissal per user
 * per campaign, without storing who. A different subject gives an
 * unrelated key, so a user's answers cannot be linked across campaigns.
 */
export class RespondentKeys {
  private secret?: Promise<string>;

  constructor(private readonly loadSecret: () => Promise<string>) {}

  async keyFor(subject: string, userRef: string): Promise<string> {
    this.secret ??= this.loadSecret().catch(error => {
      this.secret = undefined;
      throw error;
    });
    return createHmac('sha256', await this.secret)
      .update(`${subject}\n${userRef.toLocaleLowerCase('en-US')}`)
      .digest('hex');
  }
}
