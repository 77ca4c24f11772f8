// An engine refusal as seen by the renderer: carries the dictionary key to show the user.
import type { BridgeError } from '../../../shared/ipc';

export class BridgeFailure extends Error {
  constructor(readonly error: BridgeError) {
    super(error.code);
  }
}
